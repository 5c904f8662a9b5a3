package io.cutline.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.cutline.model.PlatformRules;
import io.cutline.model.Platforms;
import io.cutline.ledger.QualityGate;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.MediaInfo;

/**
 * The checks a rendition must pass before it may be published, each with what it measured:
 * picture and narration in step per scene (within one frame), no black or frozen stretch of 0.5 s
 * or more, integrated loudness within 1 LU of the target and true peak under the ceiling, captions
 * showing every narration word in order, and length, frame size, frame rate and codecs within each
 * target platform's limits.
 */
public class QualityGates {

    static final double STRETCH_LIMIT_SECONDS = 0.5;

    /** Loudness target and tolerance (LU), true-peak ceiling (dBTP). */
    public record Targets(double integratedLufs, double toleranceLu, double truePeakCeilingDb) {
    }

    private final Targets targets;
    private final Platforms platforms;

    public QualityGates(Targets targets, Platforms platforms) {
        this.targets = targets;
        this.platforms = platforms;
    }

    /** Per scene: how far the picture's frames end from its narration; and the file's video against its audio and the narration. */
    public QualityGate sceneSync(String rendition, List<SceneTiming.Span> spans, int fps, MediaInfo file, double narrationSeconds) {
        double frame = 1.0 / fps;
        double worst = 0;
        int worstScene = 0;
        long frames = 0;
        for (SceneTiming.Span span : spans) {
            frames += span.frames();
            double drift = Math.abs(frames * frame - span.end());
            if (drift > worst) {
                worst = drift;
                worstScene = span.sceneIndex();
            }
        }
        double video = file.video().map(MediaInfo.Stream::durationSeconds).orElse(0.0);
        double audio = file.audio().map(MediaInfo.Stream::durationSeconds).orElse(0.0);
        double fileDrift = Math.max(Math.abs(video - audio), Math.abs(video - narrationSeconds));
        boolean passed = worst <= frame + 1e-9 && fileDrift <= frame + 1e-9;
        return new QualityGate(rendition, "scene-sync", passed,
                String.format(Locale.ROOT, "worst scene %d off by %.1f ms; video %.3f s, audio %.3f s, narration %.3f s",
                        worstScene, worst * 1000, video, audio, narrationSeconds),
                String.format(Locale.ROOT, "within one frame (%.1f ms)", frame * 1000));
    }

    /** Black and frozen stretches from the blackdetect/freezedetect report of the render. */
    public List<QualityGate> stretches(String rendition, Path checks, double timelineSeconds) {
        List<String> lines;
        try {
            lines = Files.readAllLines(checks);
        } catch (IOException e) {
            throw new UncheckedIOException("the render left no check report " + checks, e);
        }
        return List.of(stretch(rendition, "black-frames", longest(lines, "lavfi.black_start=", "lavfi.black_end=", timelineSeconds)),
                stretch(rendition, "frozen-frames", longest(lines, "lavfi.freezedetect.freeze_start=", "lavfi.freezedetect.freeze_end=",
                        timelineSeconds)));
    }

    public List<QualityGate> loudness(String rendition, AudioAnalysis.Loudness measured) {
        return List.of(
                new QualityGate(rendition, "loudness", Math.abs(measured.integrated() - targets.integratedLufs()) <= targets.toleranceLu(),
                        String.format(Locale.ROOT, "%.1f LUFS integrated", measured.integrated()),
                        String.format(Locale.ROOT, "%.1f ±%.1f LUFS", targets.integratedLufs(), targets.toleranceLu())),
                new QualityGate(rendition, "true-peak", measured.truePeak() <= targets.truePeakCeilingDb(),
                        String.format(Locale.ROOT, "%.1f dBTP", measured.truePeak()),
                        String.format(Locale.ROOT, "at most %.1f dBTP", targets.truePeakCeilingDb())));
    }

    public QualityGate captions(String rendition, List<String> narrations, String ass) {
        Optional<String> problem = CaptionCoverage.problem(narrations, ass);
        int words = narrations.stream().mapToInt(narration -> CaptionCoverage.words(narration).size()).sum();
        return new QualityGate(rendition, "captions", problem.isEmpty(), problem.orElse("all " + words + " words in order"),
                "every narration word, in order");
    }

    public QualityGate platform(String rendition, String platform, MediaInfo file, int fps) {
        MediaInfo.Stream video = file.video().orElseThrow();
        String audioCodec = file.audio().map(MediaInfo.Stream::codec).orElse("none");
        PlatformRules.VideoLimits limits = platforms.of(platform).videoLimits(video.width(), video.height());
        int shortSide = Math.min(video.width(), video.height());
        int longSide = Math.max(video.width(), video.height());
        boolean passed = video.codec().equals("h264") && audioCodec.equals("aac")
                && file.durationSeconds() >= limits.minSeconds() && file.durationSeconds() <= limits.maxSeconds()
                && shortSide >= limits.minSide() && longSide <= limits.maxSide()
                && fps >= limits.minFps() && fps <= limits.maxFps();
        return new QualityGate(rendition, "platform-" + platform, passed,
                String.format(Locale.ROOT, "%s/%s %dx%d %d fps %.1f s", video.codec(), audioCodec, video.width(), video.height(), fps,
                        file.durationSeconds()),
                String.format(Locale.ROOT, "h264/aac, %.0f-%.0f s, sides %d-%d px, %d-%d fps", limits.minSeconds(), limits.maxSeconds(),
                        limits.minSide(), limits.maxSide(), limits.minFps(), limits.maxFps()));
    }

    private static QualityGate stretch(String rendition, String gate, double[] longest) {
        return new QualityGate(rendition, gate, longest[1] < STRETCH_LIMIT_SECONDS,
                longest[1] == 0 ? "none" : String.format(Locale.ROOT, "%.2f s from %.2f s", longest[1], longest[0]),
                String.format(Locale.ROOT, "no stretch of %.1f s or more", STRETCH_LIMIT_SECONDS));
    }

    /** The longest interval (start, length) between start and end markers; an interval still open ends with the time line. */
    static double[] longest(List<String> lines, String startKey, String endKey, double timelineSeconds) {
        double[] longest = {0, 0};
        Double start = null;
        List<double[]> intervals = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(startKey)) {
                start = Double.parseDouble(line.substring(startKey.length()));
            } else if (line.startsWith(endKey) && start != null) {
                intervals.add(new double[] {start, Double.parseDouble(line.substring(endKey.length()))});
                start = null;
            }
        }
        if (start != null) {
            intervals.add(new double[] {start, timelineSeconds});
        }
        for (double[] interval : intervals) {
            double length = interval[1] - interval[0];
            if (length > longest[1]) {
                longest = new double[] {interval[0], length};
            }
        }
        return longest;
    }
}
