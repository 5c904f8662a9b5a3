package io.cutline.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.cutline.support.Await;
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
        Await.until("the circuit half open after 200 ms", Duration.ofSeconds(5), () -> health.state("kling").equals("HALF_OPEN"));
        assertThat(health.healthy("kling")).isTrue();
        health.succeeded("kling");
        assertThat(health.state("kling")).isEqualTo("CLOSED");
    }
}
