package io.cutline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlatformRulesTest {

    @Test
    void cutsLongTextAtAWordWithinTheLimit() {
        PlatformRules youtube = PlatformRules.of("youtube");
        String title = youtube.title("word ".repeat(40));
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(100);
        assertThat(title).endsWith("word…");
        assertThat(youtube.title("Short <b>title</b>")).isEqualTo("Short ‹b›title‹/b›");
    }

    @Test
    void limitsHashtagsPerPlatform() {
        List<String> many = Collections.nCopies(40, "#tag");
        assertThat(PlatformRules.of("instagram").hashtags(many)).hasSize(30);
        assertThat(PlatformRules.of("youtube").hashtags(many)).hasSize(15);
        assertThatThrownBy(() -> PlatformRules.of("myspace")).hasMessageContaining("myspace");
    }

    @Test
    void countsCodePointsNotChars() {
        String emoji = "🎬".repeat(120);
        String cut = PlatformRules.cut(emoji, 100);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(100);
    }
}
