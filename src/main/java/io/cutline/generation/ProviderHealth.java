package io.cutline.generation;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One circuit breaker per provider (resilience4j): calls that fail (5xx, no reply, rate limits)
 * open it, and while it is open the router sends scenes down the channel's fallback chain.
 */
public class ProviderHealth {

    private final CircuitBreakerRegistry breakers;

    public ProviderHealth(int minimumCalls, float failureRatePercent, Duration openFor) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(minimumCalls, 10))
                .minimumNumberOfCalls(minimumCalls)
                .failureRateThreshold(failureRatePercent)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    }

    public boolean healthy(String provider) {
        return breakers.circuitBreaker(provider).getState() != CircuitBreaker.State.OPEN;
    }

    public void succeeded(String provider) {
        breakers.circuitBreaker(provider).onSuccess(0, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void failed(String provider, Throwable failure) {
        breakers.circuitBreaker(provider).onError(0, java.util.concurrent.TimeUnit.MILLISECONDS, failure);
    }

    public String state(String provider) {
        return breakers.circuitBreaker(provider).getState().name();
    }
}
