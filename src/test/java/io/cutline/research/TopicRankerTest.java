package io.cutline.research;

import io.cutline.model.Signal;
import io.cutline.model.Topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.support.ShippedConfig;
import org.junit.jupiter.api.Test;

class TopicRankerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String FACTS = "The first fact is long enough. The second fact is long enough too.";

    @Test
    void relevanceIsTheShareOfTheNichesWordsAStoryMentions() {
        Set<String> niche = Words.meaningful("space and earth science");
        assertThat(TopicRanker.relevance(List.of(signal("Saturn in space", "Earth and science", Map.of(), null)), niche)).isEqualTo(1.0);
        assertThat(TopicRanker.relevance(List.of(signal("Saturn in space", "", Map.of(), null)), niche)).isEqualTo(0.333);
        assertThat(TopicRanker.relevance(List.of(signal("Stock tips", "Buy low.", Map.of(), null)), niche)).isZero();
        assertThat(TopicRanker.relevance(List.of(signal("Stock tips", "", Map.of(), null)), Set.of())).isEqualTo(0.5);
    }

    @Test
    void freshnessHalvesEveryTwoDaysAndIsNeutralWithoutADate() {
        assertThat(TopicRanker.freshness(List.of(signal("a", "", Map.of(), NOW)), NOW)).isEqualTo(1.0);
        assertThat(TopicRanker.freshness(List.of(signal("a", "", Map.of(), NOW.minus(48, ChronoUnit.HOURS))), NOW)).isEqualTo(0.5);
        assertThat(TopicRanker.freshness(List.of(signal("a", "", Map.of(), NOW.minus(96, ChronoUnit.HOURS)),
                signal("b", "", Map.of(), NOW.minus(48, ChronoUnit.HOURS))), NOW)).as("the newest signal counts").isEqualTo(0.5);
        assertThat(TopicRanker.freshness(List.of(signal("a", "", Map.of(), null)), NOW)).isEqualTo(0.5);
    }

    @Test
    void momentumFromScoreRankOrViewVelocityAndFromSeveralSources() {
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of("score", 0.9), null)), NOW)).isEqualTo(0.9);
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of("rank", 4.0), null)), NOW)).isEqualTo(0.5);
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of("rank", 1.0), null)), NOW)).isEqualTo(1.0);
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of("views", 100_000.0), NOW.minus(10, ChronoUnit.HOURS))), NOW))
                .as("10,000 views an hour").isEqualTo(0.8);
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of(), null)), NOW)).as("nothing said: neutral").isEqualTo(0.5);
        Signal other = new Signal("a", "", "https://other", "other-source", null, Map.of(), List.of());
        assertThat(TopicRanker.momentum(List.of(signal("a", "", Map.of(), null), other), NOW)).isEqualTo(0.6);
    }

    @Test
    void noveltyIsByTitleSimilarityNotOnlyExactMatch() {
        assertThat(TopicRanker.novelty("Saturn's rings are vanishing", List.of())).isEqualTo(1.0);
        assertThat(TopicRanker.novelty("Saturn's rings are vanishing", List.of("Saturn's rings are vanishing"))).isZero();
        assertThat(TopicRanker.novelty("The rings of Saturn are vanishing fast", List.of("Saturn's rings are vanishing")))
                .isLessThanOrEqualTo(1 - TopicPicker.COVERED);
        assertThat(TopicRanker.novelty("Jupiter's storm", List.of("Saturn's rings are vanishing"))).isEqualTo(1.0);
    }

    @Test
    void theLearnedKeywordScoresOfWhatAStorySaysAreItsPrior() {
        List<Signal> story = List.of(signal("Black holes eat stars", "A black hole in a nearby galaxy. " + FACTS, Map.of(), NOW));
        assertThat(TopicRanker.prior(story, Map.of())).as("nothing learned: neutral").isEqualTo(0.5);
        assertThat(TopicRanker.prior(story, Map.of("black holes", 0.9, "galaxy", 0.7, "tides", 0.1)))
                .as("the keywords it says, averaged; tides not said").isEqualTo(0.8);
        assertThat(TopicRanker.prior(story, Map.of("ocean tides", 0.1))).as("every word of a keyword must be said").isEqualTo(0.5);

        List<TopicRanker.Candidate> ranked = TopicRanker.rank(List.of(story), demo(), List.of(), Map.of("black holes", 0.9), NOW);
        assertThat(ranked.get(0).choice().scores().prior()).isEqualTo(0.9);
    }

    @Test
    void aStoryCoveredRecentlyUnderAnotherTitleIsNotPickedWhileOthersRemain() {
        Channel channel = demo();
        List<List<Signal>> stories = List.of(
                List.of(signal("The rings of Saturn are vanishing fast", "Saturn's rings rain onto the planet. " + FACTS,
                        Map.of("score", 0.99), NOW)),
                List.of(signal("Jupiter has a storm older than any nation", "A storm in space. " + FACTS, Map.of("score", 0.6), NOW)));

        List<TopicRanker.Candidate> fresh = TopicRanker.rank(stories, channel, List.of(), Map.of(), NOW);
        assertThat(TopicPicker.pick(fresh.stream().map(TopicRanker.Candidate::topic).toList(), null, List.of()).title())
                .startsWith("The rings of Saturn");

        List<String> covered = List.of("Saturn's rings are vanishing");
        List<TopicRanker.Candidate> later = TopicRanker.rank(stories, channel, covered, Map.of(), NOW);
        Topic picked = TopicPicker.pick(later.stream().map(TopicRanker.Candidate::topic).toList(), null, covered);
        assertThat(picked.title()).startsWith("Jupiter");
        TopicRanker.Candidate jupiter = later.stream().filter(candidate -> candidate.topic() == picked).findFirst().orElseThrow();
        assertThat(jupiter.choice().scores().novelty()).isEqualTo(1.0);
        assertThat(jupiter.choice().scores().prior()).isEqualTo(0.5);
        assertThat(jupiter.choice().signals()).extracting(Signal::title).containsExactly("Jupiter has a storm older than any nation");
        assertThat(jupiter.choice().score()).isEqualTo(picked.score());
        assertThat(later.get(0).choice().scores().novelty()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aStoryWithoutFactsIsNoCandidate() {
        assertThat(TopicRanker.rank(List.of(List.of(signal("Headline only", "", Map.of(), NOW))), demo(),
                List.of(), Map.of(), NOW)).isEmpty();
    }

    private static Channel demo() {
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        channels.reload();
        return channels.require("demo");
    }

    private static Signal signal(String title, String summary, Map<String, Double> metrics, Instant published) {
        return new Signal(title, summary, "https://news/" + Words.normalize(title).replace(' ', '-'), "test", published, metrics, List.of());
    }
}
