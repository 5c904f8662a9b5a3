package io.cutline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;

import io.cutline.support.ShippedConfig;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {

    private static final Platforms PLATFORMS = ShippedConfig.platforms();

    @Test
    void cutsLongTextAtAWordWithinTheLimit() {
        PlatformRules youtube = PLATFORMS.of("youtube");
        String title = youtube.title("word ".repeat(40));
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(100);
        assertThat(title).endsWith("word…");
        assertThat(youtube.title("Short <b>title</b>")).isEqualTo("Short ‹b›title‹/b›");
    }

    @Test
    void limitsHashtagsPerPlatform() {
        List<String> many = Collections.nCopies(40, "#tag");
        assertThat(PLATFORMS.of("instagram").hashtags(many)).hasSize(30);
        assertThat(PLATFORMS.of("youtube").hashtags(many)).hasSize(15);
        assertThatThrownBy(() -> PLATFORMS.of("myspace")).hasMessageContaining("myspace")
                .hasMessageContaining("instagram, tiktok, webhook, youtube");
    }

    @Test
    void countsCodePointsNotChars() {
        String emoji = "🎬".repeat(120);
        String cut = PlatformRules.cut(emoji, 100);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(100);
    }

    @Test
    void videoLimitsAreReadAsConfigurationWritesThem() {
        assertThat(PlatformRules.VideoLimits.parse("1-180 s, 144-7680 px, 1-60 fps"))
                .isEqualTo(new PlatformRules.VideoLimits(1, 180, 144, 7680, 1, 60));
        assertThat(PlatformRules.VideoLimits.parse(" 2.5-60s,360-4096px,23-60fps ").minSeconds()).isEqualTo(2.5);
        assertThatThrownBy(() -> PlatformRules.VideoLimits.parse("up to 3 minutes")).hasMessageContaining("'up to 3 minutes'")
                .hasMessageContaining("1-180 s, 144-7680 px, 1-60 fps");
        assertThat(PLATFORMS.of("youtube").videoLimits(1080, 1920).maxSeconds()).isEqualTo(180);
        assertThat(PLATFORMS.of("youtube").videoLimits(1920, 1080).maxSeconds()).isEqualTo(43_200);
    }
}
