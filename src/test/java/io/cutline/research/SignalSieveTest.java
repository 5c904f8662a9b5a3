package io.cutline.research;

import io.cutline.model.Signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import org.junit.jupiter.api.Test;

class SignalSieveTest {

    private static final Signal SATURN = signal("Saturn's rings are vanishing", "https://a/saturn", "Ice rains down.");
    private static final Signal SATURN_AGAIN = signal("The rings of Saturn are vanishing fast", "https://b/saturn", "Rings fall.");
    private static final Signal SATURN_SAME_LINK = signal("Saturn news", "https://a/saturn", "Other words.");
    private static final Signal JUPITER = signal("Jupiter has a storm older than any nation", "https://a/jupiter", "The spot rages.");
    private static final Signal CRYPTO = signal("Crypto coin named after Mars soars", "https://a/mars", "Traders bought it.");

    @Test
    void theSameLinkIsOneSignal() {
        assertThat(SignalSieve.keep(List.of(SATURN, SATURN_SAME_LINK, JUPITER), topics(List.of(), List.of())))
                .containsExactly(SATURN, JUPITER);
    }

    @Test
    void nearSameTitlesAreOneStoryDifferentOnesAreNot() {
        assertThat(Words.similarity(SATURN.title(), SATURN_AGAIN.title())).isGreaterThanOrEqualTo(SignalSieve.SAME_STORY);
        assertThat(SignalSieve.stories(List.of(SATURN, JUPITER, SATURN_AGAIN, SATURN_SAME_LINK)))
                .containsExactly(List.of(SATURN, SATURN_AGAIN), List.of(JUPITER));
        assertThat(SignalSieve.stories(List.of(signal("The secrets of Kalomi", "x", ""), signal("The secrets of Ravetu", "y", ""))))
                .as("a shared word is not the same story").hasSize(2);
    }

    @Test
    void keywordsLetThroughAndNegativeKeywordsDrop() {
        List<Signal> all = List.of(SATURN, JUPITER, CRYPTO);
        assertThat(SignalSieve.keep(all, topics(List.of("saturn", "mars"), List.of("crypto")))).containsExactly(SATURN);
        assertThat(SignalSieve.keep(all, topics(List.of(), List.of("crypto")))).containsExactly(SATURN, JUPITER);
        assertThat(SignalSieve.keep(List.of(signal("Ice giants", "z", "Cold worlds.", "saturn")), topics(List.of("Saturn"), List.of())))
                .as("a tag counts, case-insensitive").hasSize(1);
        assertThat(SignalSieve.keep(List.of(signal("Saturnalia feasts", "z", "")), topics(List.of("saturn"), List.of())))
                .as("whole words only").isEmpty();
    }

    @Test
    void aStoryIsATopicWithTheFactsOfAllItsSignals() {
        var topic = StoryTopics.topic(List.of(signal("Saturn's rings are vanishing", "https://a", "Ice rains down on Saturn. Really."),
                signal("The rings of Saturn are vanishing fast", "https://b", "Ice rains down on Saturn! A pool fills in half an hour.")), 0.5);
        assertThat(topic.title()).isEqualTo("Saturn's rings are vanishing");
        assertThat(topic.facts()).as("each fact once, short scraps dropped")
                .containsExactly("Ice rains down on Saturn.", "A pool fills in half an hour.");
        assertThat(topic.sources()).containsExactly("https://a", "https://b");
        assertThat(StoryTopics.topic(List.of(signal("Comets carry water", "ideas.csv#comets-carry-water", "Comets are balls of ice.")), 0.5)
                .sources()).as("a title within a file is no source to cite").isEmpty();
    }

    private static Channel.Topics topics(List<String> keywords, List<String> negative) {
        return new Channel.Topics(keywords, negative, null);
    }

    private static Signal signal(String title, String link, String summary, String... tags) {
        return new Signal(title, summary, link, "test", null, Map.of(), List.of(tags));
    }
}
