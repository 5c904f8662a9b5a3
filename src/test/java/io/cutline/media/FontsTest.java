package io.cutline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Font choice against the fonts installed here (fonts-dejavu-core): DejaVu Serif has Latin but no
 * Hebrew or Arabic, DejaVu Sans Mono has Arabic but no Hebrew, DejaVu Sans has both; none has CJK.
 */
class FontsTest {

    private final Fonts fonts = new Fonts(List.of("No Such Font", "DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans"));

    @Test
    void theFirstInstalledFamilyWithEveryGlyphIsChosen() {
        assertThat(fonts.forText("Plain Latin, 100%", null)).as("not installed: skipped").isEqualTo("DejaVu Serif");
        assertThat(fonts.forText("سلام", null)).isEqualTo("DejaVu Sans Mono");
        assertThat(fonts.forText("שלום and سلام", null)).isEqualTo("DejaVu Sans");
    }

    @Test
    void theAskedFamilyComesFirstWhenItHasTheGlyphsAndCanBeNamed() {
        assertThat(fonts.forText("Plain Latin", "DejaVu Sans")).isEqualTo("DejaVu Sans");
        assertThat(fonts.forText("שלום", "DejaVu Serif")).isEqualTo("DejaVu Sans");
        assertThat(fonts.forText("Plain", "Evil: font'[x]")).as("a name that is filter syntax is never used").isEqualTo("DejaVu Serif");
    }

    @Test
    void whenNoFamilyHasEveryGlyphTheOneWithTheMostIsChosen() {
        assertThat(fonts.forText("中文 שלום", null)).isEqualTo("DejaVu Sans");
        assertThat(new Fonts(List.of("No Such Font", "Another Missing Font")).forText("text", null))
                .as("nothing installed: the first, for fontconfig to substitute").isEqualTo("No Such Font");
    }

    @Test
    void spacesControlAndFormattingCharactersNeedNoGlyph() {
        assertThat(Fonts.drawnCharacters("a b\u200B\u00A0\n\uFE0Fa")).containsExactly('a', 'b');
    }

    @Test
    void onlyPlainFamilyNamesCanBeConfigured() {
        assertThatThrownBy(() -> new Fonts(List.of("DejaVu Sans", "Bad:Name"))).hasMessageContaining("'Bad:Name'");
        assertThatThrownBy(() -> new Fonts(List.of())).hasMessageContaining("no font family");
    }
}
