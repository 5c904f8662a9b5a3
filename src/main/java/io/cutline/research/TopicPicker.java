package io.cutline.research;

import io.cutline.model.Topic;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.cutline.model.PermanentFailure;

/**
 * Chooses what a video is about. A requested topic must match a signal (the template writer
 * cannot invent facts); otherwise the highest-scored topic the channel has not covered yet wins,
 * and when all are covered the one covered longest ago.
 */
public final class TopicPicker {

    private TopicPicker() {
    }

    /**
     * @param topics     the channel's signals
     * @param requested  a topic asked for, or null
     * @param covered    topics already covered by the channel, most recent first
     */
    public static Topic pick(List<Topic> topics, String requested, List<String> covered) {
        if (requested != null) {
            return match(topics, requested).orElseThrow(() -> new PermanentFailure(
                    "no signal matches topic '" + requested + "'; the template writer only writes from facts in the "
                            + "channel's signals file (known topics: "
                            + String.join(" | ", topics.stream().map(Topic::title).toList()) + ")"));
        }
        Comparator<Topic> byScore = Comparator.comparingDouble(Topic::score).reversed().thenComparing(Topic::title);
        return topics.stream()
                .filter(topic -> !covered.contains(topic.title()))
                .min(byScore)
                .orElseGet(() -> topics.stream()
                        .max(Comparator.comparingInt((Topic topic) -> covered.indexOf(topic.title())).thenComparing(byScore.reversed()))
                        .orElseThrow());
    }

    private static Optional<Topic> match(List<Topic> topics, String requested) {
        String wanted = Words.normalize(requested);
        return topics.stream()
                .filter(topic -> Words.normalize(topic.title()).equals(wanted))
                .findFirst()
                .or(() -> topics.stream()
                        .filter(topic -> Words.normalize(topic.title()).contains(wanted)
                                || topic.keywords().stream().map(Words::normalize).anyMatch(wanted::equals))
                        .max(Comparator.comparingDouble(Topic::score)));
    }

}
