package io.cutline.research;

import io.cutline.model.Signal;
import io.cutline.model.Topic;
import io.cutline.model.TopicChoice;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.cutline.channel.Channel;

/**
 * Scores each story of a channel's signals as a topic candidate, every part 0..1 and neutral (0.5)
 * where the signals say nothing: relevance (share of the niche's and keywords' words the story
 * mentions, three or more is full), freshness (halves every {@link #FRESHNESS_HALF_LIFE}), momentum
 * (the source's score, its rank, or view velocity; a story told by several sources gains), novelty
 * (how unlike the story's title is to the topics the channel covered within its window) and the
 * channel's predicted-performance prior (the average learned score of the feedback loop's topic
 * keywords the story mentions; neutral when it mentions none or nothing is learned yet). The total is
 * their weighted sum ({@link #WEIGHTS}).
 */
final class TopicRanker {

    static final Duration FRESHNESS_HALF_LIFE = Duration.ofHours(48);
    /** Weights of relevance, freshness, momentum, novelty and prior in the total. */
    static final double[] WEIGHTS = {0.3, 0.15, 0.3, 0.15, 0.1};
    static final double NEUTRAL = 0.5;
    private static final int FULLY_RELEVANT_WORDS = 3;
    /** Views an hour at which momentum is full (log scale: 10 views an hour is 0.2). */
    private static final double FULL_VELOCITY_DIGITS = 5;
    private static final double PER_EXTRA_SOURCE = 0.1;

    /** A candidate: the topic a writer gets (its score the total) and why it scored so. */
    record Candidate(Topic topic, TopicChoice choice) {
    }

    private TopicRanker() {
    }

    /**
     * @param stories        signals grouped by story ({@link SignalSieve#stories})
     * @param coveredRecently topics the channel covered within its novelty window
     * @param learned         the channel's learned keyword scores (0..1), by lower-case keyword
     */
    static List<Candidate> rank(List<List<Signal>> stories, Channel channel, List<String> coveredRecently, Map<String, Double> learned,
                                Instant now) {
        Set<String> niche = new HashSet<>(Words.meaningful(channel.niche()));
        channel.topics().keywords().forEach(keyword -> niche.addAll(Words.meaningful(keyword)));
        return stories.stream()
                .filter(story -> !StoryTopics.facts(story).isEmpty())
                .map(story -> candidate(story, niche, coveredRecently, learned, now))
                .toList();
    }

    private static Candidate candidate(List<Signal> story, Set<String> niche, List<String> coveredRecently, Map<String, Double> learned,
                                       Instant now) {
        String title = story.get(0).title();
        TopicChoice.Scores scores = new TopicChoice.Scores(relevance(story, niche), freshness(story, now), momentum(story, now),
                novelty(title, coveredRecently), prior(story, learned));
        double total = round(WEIGHTS[0] * scores.relevance() + WEIGHTS[1] * scores.freshness() + WEIGHTS[2] * scores.momentum()
                + WEIGHTS[3] * scores.novelty() + WEIGHTS[4] * scores.prior());
        return new Candidate(StoryTopics.topic(story, total), new TopicChoice(title, total, scores, story));
    }

    /** The average learned score of the keywords whose every meaningful word the story says; neutral without any. */
    static double prior(List<Signal> story, Map<String, Double> learned) {
        Set<String> said = said(story);
        return round(learned.entrySet().stream()
                .filter(keyword -> {
                    Set<String> words = Words.meaningful(keyword.getKey());
                    return !words.isEmpty() && said.containsAll(words);
                })
                .mapToDouble(Map.Entry::getValue).average().orElse(NEUTRAL));
    }

    private static Set<String> said(List<Signal> story) {
        Set<String> said = new HashSet<>();
        for (Signal signal : story) {
            said.addAll(Words.meaningful(signal.title() + " " + signal.summary() + " " + String.join(" ", signal.tags())));
        }
        return said;
    }

    static double relevance(List<Signal> story, Set<String> niche) {
        if (niche.isEmpty()) {
            return NEUTRAL;
        }
        Set<String> said = said(story);
        long hits = niche.stream().filter(said::contains).count();
        return round(Math.min(1, (double) hits / Math.min(FULLY_RELEVANT_WORDS, niche.size())));
    }

    static double freshness(List<Signal> story, Instant now) {
        return story.stream().map(Signal::published).filter(Objects::nonNull).max(Instant::compareTo)
                .map(published -> round(Math.min(1, Math.pow(0.5, hours(published, now) / FRESHNESS_HALF_LIFE.toHours()))))
                .orElse(NEUTRAL);
    }

    static double momentum(List<Signal> story, Instant now) {
        double best = -1;
        for (Signal signal : story) {
            Map<String, Double> metrics = signal.metrics();
            if (metrics.containsKey("score")) {
                best = Math.max(best, Math.max(0, Math.min(1, metrics.get("score"))));
            }
            if (metrics.containsKey("views")) {
                double hours = signal.published() == null ? 24 : Math.max(1, hours(signal.published(), now));
                best = Math.max(best, Math.min(1, Math.log10(1 + metrics.get("views") / hours) / FULL_VELOCITY_DIGITS));
            }
            if (metrics.containsKey("rank") && metrics.get("rank") >= 1) {
                best = Math.max(best, 1 / Math.sqrt(metrics.get("rank")));
            }
        }
        long sources = story.stream().map(Signal::source).distinct().count();
        return round(Math.min(1, (best < 0 ? NEUTRAL : best) + PER_EXTRA_SOURCE * (sources - 1)));
    }

    /** 1 for a title like nothing covered recently, 0 for one covered (or one with the same meaningful words). */
    static double novelty(String title, List<String> coveredRecently) {
        return round(1 - coveredRecently.stream().mapToDouble(covered -> Words.similarity(title, covered)).max().orElse(0));
    }

    private static double hours(Instant published, Instant now) {
        return Math.max(0, Duration.between(published, now).toMinutes() / 60.0);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
