package io.cutline.research;

import io.cutline.model.Topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.cutline.model.PermanentFailure;
import org.junit.jupiter.api.Test;

class TopicPickerTest {

    private static final Topic MOON = topic("The Moon is leaving", 0.9, "moon");
    private static final Topic VENUS = topic("Venus spins backwards", 0.8, "venus");
    private static final Topic OCTOPUS = topic("Octopuses have three hearts", 0.7, "octopus");
    private static final List<Topic> TOPICS = List.of(VENUS, OCTOPUS, MOON);

    @Test
    void picksTheBestScoredTopicNotCoveredYet() {
        assertThat(TopicPicker.pick(TOPICS, null, List.of())).isEqualTo(MOON);
        assertThat(TopicPicker.pick(TOPICS, null, List.of(MOON.title()))).isEqualTo(VENUS);
    }

    @Test
    void aTopicCoveredUnderANearSameTitleCountsAsCovered() {
        assertThat(TopicPicker.pick(TOPICS, null, List.of("The moon is leaving us"))).isEqualTo(VENUS);
        assertThat(TopicPicker.pick(TOPICS, null, List.of("The Sun is leaving"))).as("one shared word is not enough").isEqualTo(MOON);
    }

    @Test
    void noTopicAtAllIsAPermanentFailure() {
        assertThatThrownBy(() -> TopicPicker.pick(List.of(), null, List.of())).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no topic with facts");
    }

    @Test
    void whenAllAreCoveredPicksTheOneCoveredLongestAgo() {
        List<String> newestFirst = List.of(VENUS.title(), MOON.title(), OCTOPUS.title(), VENUS.title());
        assertThat(TopicPicker.pick(TOPICS, null, newestFirst)).isEqualTo(OCTOPUS);
    }

    @Test
    void aRequestedTopicMatchesByTitleOrKeyword() {
        assertThat(TopicPicker.pick(TOPICS, "octopuses have three hearts!", List.of())).isEqualTo(OCTOPUS);
        assertThat(TopicPicker.pick(TOPICS, "Venus", List.of())).isEqualTo(VENUS);
        assertThat(TopicPicker.pick(TOPICS, "moon", List.of(MOON.title()))).as("even if covered").isEqualTo(MOON);
    }

    @Test
    void aTopicWithoutSignalsIsAPermanentFailureNamingTheKnownTopics() {
        assertThatThrownBy(() -> TopicPicker.pick(TOPICS, "black holes", List.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("no signal matches topic 'black holes'")
                .hasMessageContaining(OCTOPUS.title());
    }

    private static Topic topic(String title, double score, String keyword) {
        return new Topic(title, score, List.of(keyword), List.of("fact one is here", "fact two is here"), List.of());
    }
}
