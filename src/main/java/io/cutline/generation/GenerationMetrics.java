package io.cutline.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.cutline.ledger.GenerationLedger;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the ledger records about lost replies, as Prometheus counters per hosted provider under
 * {@code /observe/metrics}: {@code cutline_generation_lost_replies_adopted_total} (found at the
 * provider, not paid again) and {@code cutline_generation_possible_duplicates_total} (sent again
 * after a reply the provider could not be asked about). Read from the ledger, so they survive a
 * restart and every node reports the same; one query serves a scrape.
 */
public class GenerationMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final GenerationLedger generations;
    private final Set<String> providers;
    private Map<String, int[]> counts = Map.of();
    private Instant readAt = Instant.EPOCH;

    public GenerationMetrics(GenerationLedger generations, Set<String> providers) {
        this.generations = generations;
        this.providers = Set.copyOf(providers);
    }

    /** The counters follow the ledger (a bean that lives as long as the service; Micrometer holds what it tracks weakly). */
    public void bindTo(MeterRegistry registry) {
        for (String provider : providers) {
            FunctionCounter.builder("cutline.generation.lost.replies.adopted", generations, ledger -> count(provider, 0))
                    .tag("provider", provider).description("lost submission replies found again at the provider (paid once)")
                    .register(registry);
            FunctionCounter.builder("cutline.generation.possible.duplicates", generations, ledger -> count(provider, 1))
                    .tag("provider", provider).description("submissions sent again after a reply the provider could not be asked about")
                    .register(registry);
        }
    }

    private synchronized double count(String provider, int which) {
        if (Instant.now().isAfter(readAt.plus(FRESH))) {
            counts = generations.replyCounts();
            readAt = Instant.now();
        }
        int[] row = counts.get(provider);
        return row == null ? 0 : row[which];
    }
}
