package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cutline.ledger.QualityGate;
import io.cutline.ledger.QualityLedger;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.model.Scene;

/**
 * Measures every rendition of a {@link Rendering} and puts it through the quality gates; the results
 * are recorded, and one failed gate parks the job before anything is published.
 */
public record RenditionChecks(MediaProbe probe, AudioAnalysis audio, QualityGates gates, QualityLedger quality, int fps) {

    /** Each target's measurements by its name, once all of them have passed every gate. */
    Map<String, MediaInfo> check(String jobId, Edit edit, Rendering rendering) {
        List<QualityGate> results = new ArrayList<>();
        Map<String, MediaInfo> files = new LinkedHashMap<>();
        for (Rendering.Target target : rendering.targets()) {
            String rendition = target.name();
            Path video = target.output().video();
            MediaInfo file = verify(video, target.output());
            files.put(rendition, file);
            results.add(gates.sceneSync(rendition, edit.spans(), fps, file, edit.seconds()));
            results.addAll(gates.stretches(rendition, rendering.checks(), edit.seconds()));
            results.addAll(gates.loudness(rendition, audio.loudness(video)));
            results.add(gates.captions(rendition, edit.scenes().stream().map(Scene::narration).toList(), target.captions()));
            for (String platform : target.platforms()) {
                results.add(gates.platform(rendition, platform, file, fps));
            }
        }
        results.forEach(gate -> quality.save(jobId, gate));
        results.stream().filter(gate -> !gate.passed()).findFirst().ifPresent(failed -> {
            throw new QualityGateFailed(failed);
        });
        return files;
    }

    private MediaInfo verify(Path video, RenderGraph.Output frame) {
        MediaInfo info = probe.probe(video);
        MediaInfo.Stream picture = info.video().orElseThrow(() -> new CorruptMediaException(video, "no video stream"));
        if (picture.width() != frame.width() || picture.height() != frame.height()) {
            throw new CorruptMediaException(video, picture.width() + "x" + picture.height() + ", expected " + frame.width() + "x" + frame.height());
        }
        return info;
    }
}
