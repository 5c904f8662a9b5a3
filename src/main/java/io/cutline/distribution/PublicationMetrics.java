package io.cutline.distribution;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.cutline.ledger.PublicationLedger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed publications as a Prometheus gauge per platform under {@code /observe/metrics}:
 * {@code cutline_publications_failed{platform}}, the publications that ended FAILED and are not yet
 * published by a retry. Read from the ledger, so every node reports the same; one query serves a scrape.
 */
public class PublicationMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final PublicationLedger publications;
    private final Set<String> platforms;
    private Map<String, Integer> failed = Map.of();
    private Instant readAt = Instant.EPOCH;

    public PublicationMetrics(PublicationLedger publications, Set<String> platforms) {
        this.publications = publications;
        this.platforms = Set.copyOf(platforms);
    }

    /** The gauges follow the ledger (a bean that lives as long as the service; Micrometer holds what it tracks weakly). */
    public void bindTo(MeterRegistry registry) {
        for (String platform : platforms) {
            Gauge.builder("cutline.publications.failed", publications, ledger -> failed(platform)).tag("platform", platform)
                    .description("publications that failed (parked with the platform's reason) and are not published yet")
                    .register(registry);
        }
    }

    private synchronized double failed(String platform) {
        if (Instant.now().isAfter(readAt.plus(FRESH))) {
            failed = publications.failedByPlatform();
            readAt = Instant.now();
        }
        return failed.getOrDefault(platform, 0);
    }
}
