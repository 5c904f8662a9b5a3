package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SceneTimingTest {

    @Test
    void frameCutsFollowTheNarrationWithoutAccumulatingDrift() {
        List<Double> narration = List.of(1.51, 14.02, 3.333, 2.017, 7.9, 0.77, 4.449, 5.123, 1.5, 9.99, 2.2, 6.05);
        int fps = 30;
        List<SceneTiming.Span> spans = SceneTiming.spans(narration, fps);
        double total = narration.stream().mapToDouble(Double::doubleValue).sum();
        int frames = 0;
        for (SceneTiming.Span span : spans) {
            frames += span.frames();
            assertThat(Math.abs(frames / (double) fps - span.end())).as("cut after scene %d", span.sceneIndex())
                    .isLessThanOrEqualTo(0.5 / fps + 1e-9);
        }
        assertThat(spans.get(spans.size() - 1).end()).isEqualTo(total, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.abs(frames / (double) fps - total)).isLessThanOrEqualTo(0.5 / fps);
        assertThat(spans.get(1).seconds()).isEqualTo(14.02, org.assertj.core.data.Offset.offset(1e-9));
    }
}
