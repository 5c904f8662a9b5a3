package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cutline.ledger.RenderLedger;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaStore;
import io.cutline.model.Render;

/**
 * Layer 4: reads the job's edit from the ledger, renders every rendition its channel's platforms
 * need in one FFmpeg run, puts each through the quality gates, and only then moves the renditions
 * and their thumbnails into place and records them.
 */
public record Assembler(EditReader edits, Renderer renderer, RenditionChecks checks, RenderLedger renders, MediaStore media) {

    public List<Render> assemble(String jobId) {
        Edit edit = edits.read(jobId);
        try (Rendering rendering = renderer.render(jobId, edit)) {
            Map<String, MediaInfo> files = checks.check(jobId, edit, rendering);
            List<Render> done = new ArrayList<>();
            for (Rendering.Target target : rendering.targets()) {
                done.add(place(jobId, edit, rendering, target, files.get(target.name())));
            }
            return done;
        }
    }

    /** Moves a target that passed the gates into place with its thumbnail, and records it. */
    Render place(String jobId, Edit edit, Rendering rendering, Rendering.Target target, MediaInfo file) {
        Path thumbnail = renderer.thumbnail(jobId, edit, rendering, target);
        Path video = media.renditionPath(jobId, target.name());
        MediaStore.moveIntoPlace(target.output().video(), video);
        Render render = new Render(jobId, target.name(), video.toString(), target.output().width(), target.output().height(),
                file.durationSeconds(), thumbnail.toString());
        renders.save(render);
        return render;
    }
}
