package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each scene starts and ends in the final video. Narration runs back to back, so scene i
 * spans its narration exactly; video frames are cut at the nearest frame to each cumulative
 * boundary, so picture and sound never drift by more than half a frame anywhere in the video.
 */
public final class SceneTiming {

    public record Span(int sceneIndex, double start, double end, int frames) {
        public double seconds() {
            return end - start;
        }
    }

    private SceneTiming() {
    }

    public static List<Span> spans(List<Double> narrationSeconds, int fps) {
        List<Span> spans = new ArrayList<>();
        double start = 0;
        long startFrame = 0;
        for (int i = 0; i < narrationSeconds.size(); i++) {
            double end = start + narrationSeconds.get(i);
            long endFrame = Math.round(end * fps);
            spans.add(new Span(i, start, end, (int) Math.max(1, endFrame - startFrame)));
            start = end;
            startFrame = endFrame;
        }
        return List.copyOf(spans);
    }
}
