package io.cutline.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ProviderLimitsTest {

    @Test
    void aProviderAtItsInFlightLimitAdmitsNothingUntilAClipFinishes() {
        AtomicInteger kling = new AtomicInteger();
        ProviderLimits limits = new ProviderLimits(Map.of("kling", new ProviderLimits.Limit(2, 0)),
                provider -> provider.equals("kling") ? kling.get() : 0);

        assertThat(limits.admit("kling", () -> kling.incrementAndGet() > 0).claimed()).isTrue();
        assertThat(limits.admit("kling", () -> kling.incrementAndGet() > 0).claimed()).isTrue();
        ProviderLimits.Admission third = limits.admit("kling", () -> kling.incrementAndGet() > 0);
        assertThat(third.mustWait()).isTrue();
        assertThat(third.waitReason()).contains("kling has 2 clips in flight").contains("max-in-flight 2");
        assertThat(kling.get()).as("the claim was not run").isEqualTo(2);

        kling.decrementAndGet();
        assertThat(limits.admit("kling", () -> kling.incrementAndGet() > 0).claimed()).isTrue();
        assertThat(limits.admit("fal", () -> true).claimed()).as("no limit configured").isTrue();
    }

    @Test
    void submissionsBeyondThePerMinuteRateWaitWithTheReason() {
        ProviderLimits limits = new ProviderLimits(Map.of("runway", new ProviderLimits.Limit(0, 3)), provider -> 0);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit("runway", () -> true).claimed()).isTrue();
        }
        ProviderLimits.Admission fourth = limits.admit("runway", () -> true);
        assertThat(fourth.mustWait()).isTrue();
        assertThat(fourth.waitReason()).contains("3 submissions this minute");
    }

    @Test
    void aClipAnotherSenderHoldsIsNeitherClaimedNorWaiting() {
        ProviderLimits limits = new ProviderLimits(Map.of("luma", new ProviderLimits.Limit(5, 5)), provider -> 0);
        ProviderLimits.Admission held = limits.admit("luma", () -> false);
        assertThat(held.claimed()).isFalse();
        assertThat(held.mustWait()).isFalse();
    }
}
