package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutline.model.Rendition;
import org.junit.jupiter.api.Test;

/** Draft renders (cutline.assembly.draft-short-side): the frame each rendition is encoded at. */
class DraftFrameTest {

    private static RenderGraph.Encoding draft(int shortSide) {
        return new RenderGraph.Encoding(30, "ultrafast", 23, "128k", shortSide);
    }

    @Test
    void withoutADraftSizeEveryRenditionIsEncodedAtItsOwnSize() {
        for (Rendition rendition : new Rendition[] {Rendition.VERTICAL, Rendition.HORIZONTAL, Rendition.SQUARE}) {
            assertThat(draft(0).frame(rendition)).isEqualTo(rendition);
        }
    }

    @Test
    void aDraftSizeScalesTheShortSideKeepingTheShapeAndTheAspect() {
        assertThat(draft(360).frame(Rendition.VERTICAL)).isEqualTo(new Rendition("vertical", 360, 640));
        assertThat(draft(360).frame(Rendition.HORIZONTAL)).isEqualTo(new Rendition("horizontal", 640, 360));
        assertThat(draft(360).frame(Rendition.SQUARE)).isEqualTo(new Rendition("square", 360, 360));
    }

    @Test
    void draftSidesAreEvenAsX264NeedsForYuv420() {
        Rendition frame = draft(271).frame(Rendition.VERTICAL);
        assertThat(frame.width()).isEqualTo(270);
        assertThat(frame.height()).isEqualTo(480);
        assertThat(frame.name()).isEqualTo("270x480");
    }
}
