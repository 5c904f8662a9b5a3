package io.cutline.distribution.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one platform's per-video metrics for the feedback loop (one class per platform, built from
 * the block's {@code metrics-adapter}). Batches ids as the platform allows. A video the platform has
 * no data for yet (analytics lag, too few viewers) is left out of the answer: no data is not zero.
 */
public interface MetricsCollector {

    /** What a platform said about one video, and which API said it (e.g. {@code youtube-analytics}). */
    record Reading(String source, Map<String, Double> metrics) {
        public Reading {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The platform's id of the video at {@code location} (a publication's location); empty when it names none. */
    Optional<String> videoId(String location);

    /** The metrics of the videos with data, by id; a failure of the platform's API is thrown. */
    Map<String, Reading> collect(List<String> videoIds);
}
