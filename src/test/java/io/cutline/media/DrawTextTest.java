package io.cutline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DrawTextTest {

    @Test
    void textComesFromAFileAndIsDrawnWithoutExpansion() {
        assertThat(DrawText.filter("title-1080x1920.txt", "DejaVu Sans", "fontsize=24"))
                .isEqualTo("drawtext=textfile=title-1080x1920.txt:expansion=none:font=DejaVu Sans:fontsize=24");
    }

    @Test
    void aFileNameOrFontThatIsFilterSyntaxIsRefused() {
        assertThatThrownBy(() -> DrawText.filter("../title.txt", "DejaVu Sans", "")).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> DrawText.filter("a:text=x.txt", "DejaVu Sans", "")).hasMessageContaining("plain file name");
        assertThatThrownBy(() -> DrawText.filter("title.txt", "Sans,drawtext=text=x", "")).hasMessageContaining("plain name");
    }
}
