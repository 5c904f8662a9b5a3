package io.cutline.provider;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Decides, for the error handler's {@code retryWhile}, whether a step that failed with one kind of
 * provider failure (a rate limit, an outage) is tried again, and sets the redelivery delay: the
 * provider's Retry-After when a rate limit gave one, else an exponential backoff, capped.
 */
public class ProviderRetries {

    private final Class<? extends ProviderException> kind;
    private final int maxAttempts;
    private final Duration maxWait;
    private final Duration firstBackoff;

    public ProviderRetries(Class<? extends ProviderException> kind, int maxAttempts, Duration maxWait, Duration firstBackoff) {
        this.kind = kind;
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
        this.firstBackoff = firstBackoff;
    }

    public boolean retry(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProviderException matched = ObjectHelper.getException(kind, failure);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (matched == null || attempt >= maxAttempts) {
            return false;
        }
        Duration retryAfter = matched instanceof RateLimitedException limited ? limited.retryAfter() : null;
        Duration wait = retryAfter != null ? retryAfter : firstBackoff.multipliedBy(1L << Math.min(attempt, 16));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), maxWait.toMillis()));
        return true;
    }
}
