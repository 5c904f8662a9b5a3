package io.cutline.provider;

import java.time.Duration;

/** The provider asked us to slow down (HTTP 429); {@code retryAfter} is its Retry-After, if it gave one. */
public class RateLimitedException extends ProviderException {

    private final Duration retryAfter;

    public RateLimitedException(String provider, Duration retryAfter, String message) {
        super(provider, "rate limited" + (retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + " ms")
                + (message.isEmpty() ? "" : ": " + message), null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
