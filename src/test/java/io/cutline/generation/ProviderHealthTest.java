package io.cutline.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProviderHealthTest {

    @Test
    void failuresOpenTheCircuitForThatProviderOnlyAndItClosesAgainAfterATrialCall() throws Exception {
        ProviderHealth health = new ProviderHealth(4, 50, Duration.ofMillis(200));
        health.succeeded("kling");
        health.succeeded("kling");
        health.failed("kling", new RuntimeException("503"));
        assertThat(health.healthy("kling")).as("1 of 3 failed, too few calls").isTrue();
        health.failed("kling", new RuntimeException("503"));
        health.failed("kling", new RuntimeException("503"));
        assertThat(health.healthy("kling")).as("3 of 5 failed").isFalse();
        assertThat(health.healthy("fal")).isTrue();
        Thread.sleep(400);
        assertThat(health.state("kling")).isEqualTo("HALF_OPEN");
        assertThat(health.healthy("kling")).isTrue();
        health.succeeded("kling");
        assertThat(health.state("kling")).isEqualTo("CLOSED");
    }
}
