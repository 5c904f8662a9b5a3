package io.cutline.assembly;

import java.nio.file.Path;
import java.util.List;

import io.cutline.media.MediaStore;
import io.cutline.model.Rendition;

/**
 * The result of the one FFmpeg run that renders a video: the working directory, the size of the
 * time line, and each rendition's video, written aside until it is moved into place (closing the
 * rendering deletes what was not).
 */
public record Rendering(Path work, int width, int height, List<Target> targets) implements AutoCloseable {

    /**
     * One rendition the run makes: the name its render, gates and files go by (the rendition's own, or a
     * short's), the platforms it serves, its output, and the captions burnt into it.
     */
    public record Target(String name, Rendition rendition, List<String> platforms, RenderGraph.Output output, String captions) {
    }

    /** The black- and frozen-frame report of the time line. */
    public Path checks() {
        return work.resolve(RenderGraph.CHECKS_FILE);
    }

    @Override
    public void close() {
        targets.forEach(target -> MediaStore.deleteQuietly(target.output().video()));
    }
}
