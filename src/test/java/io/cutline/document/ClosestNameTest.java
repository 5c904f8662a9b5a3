package io.cutline.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClosestNameTest {

    private static final List<String> KEYS = List.of("platforms", "format", "voice", "wordsPerMinute", "schedule");

    @Test
    void typosFindTheNameMeant() {
        assertThat(ClosestName.to("platfroms", KEYS)).contains("platforms");
        assertThat(ClosestName.to("wordsPerMinut", KEYS)).contains("wordsPerMinute");
        assertThat(ClosestName.to("Voice", KEYS)).contains("voice");
        assertThat(ClosestName.hint("fromat", KEYS)).isEqualTo("; did you mean `format`?");
    }

    @Test
    void aWordLikeNoNameGetsNoSuggestion() {
        assertThat(ClosestName.to("myspace", List.of("youtube", "tiktok", "instagram"))).isEmpty();
        assertThat(ClosestName.hint("budget", KEYS)).isEmpty();
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(ClosestName.edits("platfroms", "platforms")).isEqualTo(1);
        assertThat(ClosestName.edits("kitten", "sitting")).isEqualTo(3);
    }
}
