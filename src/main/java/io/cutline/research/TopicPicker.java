package io.cutline.research;

import io.cutline.model.Topic;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.cutline.model.PermanentFailure;

/**
 * Chooses what a video is about. A requested topic must match a signal (the template writer
 * cannot invent facts); otherwise the highest-scored topic unlike anything the channel covered
 * within its novelty window wins (a title sharing {@link #COVERED} or more of its meaningful words
 * with a covered one counts as covered), and when all are covered the one covered longest ago.
 */
public final class TopicPicker {

    /** Title similarity from which a topic counts as already covered. */
    static final double COVERED = 0.5;

    private TopicPicker() {
    }

    /**
     * @param topics     the channel's topic candidates
     * @param requested  a topic asked for, or null
     * @param covered    topics covered by the channel within its window, most recent first
     */
    public static Topic pick(List<Topic> topics, String requested, List<String> covered) {
        if (requested != null) {
            return match(topics, requested).orElseThrow(() -> new PermanentFailure(
                    "no signal matches topic '" + requested + "'; the template writer only writes from facts in the "
                            + "channel's signals (known topics: "
                            + String.join(" | ", topics.stream().map(Topic::title).toList()) + ")"));
        }
        if (topics.isEmpty()) {
            throw new PermanentFailure("the channel's signal sources hold no topic with facts to write from");
        }
        Comparator<Topic> byScore = Comparator.comparingDouble(Topic::score).reversed().thenComparing(Topic::title);
        return topics.stream()
                .filter(topic -> lastCovered(topic, covered) < 0)
                .min(byScore)
                .orElseGet(() -> topics.stream()
                        .max(Comparator.comparingInt((Topic topic) -> lastCovered(topic, covered)).thenComparing(byScore.reversed()))
                        .orElseThrow());
    }

    /** Position in {@code covered} (most recent first) of the latest topic like this one, -1 if none. */
    private static int lastCovered(Topic topic, List<String> covered) {
        for (int i = 0; i < covered.size(); i++) {
            if (Words.similarity(topic.title(), covered.get(i)) >= COVERED) {
                return i;
            }
        }
        return -1;
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
