package io.cutline.generation;

import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the ledger records about lost replies, also as Prometheus counters per provider under
 * {@code /observe/metrics}: {@code cutline_generation_lost_replies_adopted_total} (found at the
 * provider, not paid again) and {@code cutline_generation_possible_duplicates_total} (resubmitted
 * where the provider could not be asked). The registry is Camel's, looked up when first needed
 * (Camel creates it after the beans).
 */
public class GenerationMetrics {

    private final Supplier<MeterRegistry> registry;

    public GenerationMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    public void lostReplyAdopted(String provider) {
        count("cutline.generation.lost.replies.adopted", provider);
    }

    public void possibleDuplicate(String provider) {
        count("cutline.generation.possible.duplicates", provider);
    }

    private void count(String name, String provider) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            meters.counter(name, "provider", provider).increment();
        }
    }
}
