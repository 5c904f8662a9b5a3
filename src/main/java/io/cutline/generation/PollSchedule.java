package io.cutline.generation;

import java.time.Duration;
import java.util.Map;

/**
 * When to look at a submitted clip again: each provider's own interval (from configuration), doubled
 * after every {@code backoffAfter} looks at the same clip, up to {@code longest}; a provider's
 * {@code Retry-After} overrides it. A finished clip whose download failed is fetched again after
 * {@code downloadRetry}: it is ready, so there is no reason to wait a poll interval. Each tick of the
 * poller takes at most {@code batch} due clips.
 */
public class PollSchedule {

    private final Map<String, Duration> intervals;
    private final Duration fallback;
    private final int backoffAfter;
    private final Duration longest;
    private final Duration downloadRetry;
    private final int batch;

    public PollSchedule(Map<String, Duration> intervals, Duration fallback, int backoffAfter, Duration longest, Duration downloadRetry,
                        int batch) {
        this.intervals = Map.copyOf(intervals);
        this.fallback = fallback;
        this.backoffAfter = Math.max(1, backoffAfter);
        this.longest = longest;
        this.downloadRetry = downloadRetry;
        this.batch = batch;
    }

    public int batch() {
        return batch;
    }

    public Duration downloadRetry() {
        return downloadRetry;
    }

    /** The provider's interval: the first look after a submission, and the pause after a refusal or a wait for room. */
    public Duration interval(String provider) {
        return intervals.getOrDefault(provider, fallback);
    }

    /** The pause before the next look at a clip the provider has already been asked about {@code checks} times. */
    public Duration next(String provider, int checks) {
        Duration interval = interval(provider);
        for (int doubling = checks / backoffAfter; doubling > 0 && interval.compareTo(longest) < 0; doubling--) {
            interval = interval.multipliedBy(2);
        }
        return interval.compareTo(longest) > 0 ? longest : interval;
    }
}
