package io.cutline.generation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

/**
 * Per-provider limits on paid submissions, from configuration: at most {@code maxInFlight} clips
 * sent and not yet finished (a provider's concurrency tier), and at most {@code perMinute} new
 * submissions a minute (resilience4j rate limiter, never waiting). A clip over a limit is not sent:
 * it waits in the ledger for the poller, holding no thread. The in-flight count comes from the
 * ledger, so it survives restarts; checking it and claiming the send happen under one lock per
 * provider, so this node never overshoots (several nodes may, by their number of concurrent sends).
 */
public class ProviderLimits {

    /** One provider's limits; 0 means none. */
    public record Limit(int maxInFlight, int perMinute) {
        public static final Limit NONE = new Limit(0, 0);
    }

    /**
     * The outcome of asking to send: claimed (this node sends it now), held by another sender, or
     * to wait for room ({@code waitReason} says which limit).
     */
    public record Admission(boolean claimed, String waitReason) {
        public boolean mustWait() {
            return waitReason != null;
        }
    }

    private final Map<String, Limit> limits;
    private final ToIntFunction<String> inFlight;
    private final Map<String, RateLimiter> rates = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public ProviderLimits(Map<String, Limit> limits, ToIntFunction<String> inFlight) {
        this.limits = Map.copyOf(limits);
        this.inFlight = inFlight;
        this.limits.forEach((provider, limit) -> {
            if (limit.perMinute() > 0) {
                rates.put(provider, RateLimiter.of(provider, RateLimiterConfig.custom()
                        .limitForPeriod(limit.perMinute())
                        .limitRefreshPeriod(Duration.ofMinutes(1))
                        .timeoutDuration(Duration.ZERO)
                        .build()));
            }
        });
    }

    /**
     * Runs {@code claim} (which commits the intent to send, making the clip count as in flight) if
     * {@code provider} has room: a free in-flight slot and a submission permit.
     */
    public Admission admit(String provider, BooleanSupplier claim) {
        Limit limit = limits.getOrDefault(provider, Limit.NONE);
        synchronized (locks.computeIfAbsent(provider, name -> new Object())) {
            if (limit.maxInFlight() > 0) {
                int sent = inFlight.applyAsInt(provider);
                if (sent >= limit.maxInFlight()) {
                    return new Admission(false, provider + " has " + sent + " clips in flight, its limit (max-in-flight "
                            + limit.maxInFlight() + ")");
                }
            }
            RateLimiter rate = rates.get(provider);
            if (rate != null && !rate.acquirePermission()) {
                return new Admission(false, provider + " had " + limit.perMinute() + " submissions this minute, its limit "
                        + "(submissions-per-minute)");
            }
            return new Admission(claim.getAsBoolean(), null);
        }
    }
}
