package io.cutline.provider;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Decides, for the error handler's {@code retryWhile}, whether a rate-limited call is tried again,
 * and sets the redelivery delay to the provider's Retry-After (capped), or to an exponential
 * backoff when it gave none.
 */
public class RateLimits {

    private final int maxAttempts;
    private final Duration maxWait;
    private final Duration firstBackoff;

    public RateLimits(int maxAttempts, Duration maxWait, Duration firstBackoff) {
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.firstBackoff = firstBackoff;
    }

    public boolean retry(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        RateLimitedException limited = ObjectHelper.getException(RateLimitedException.class, failure);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (limited == null || attempt >= maxAttempts) {
            return false;
        }
        Duration wait = limited.retryAfter() != null ? limited.retryAfter() : firstBackoff.multipliedBy(1L << Math.min(attempt, 16));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), maxWait.toMillis()));
        return true;
    }
}
