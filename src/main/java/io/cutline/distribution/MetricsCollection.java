package io.cutline.distribution;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cutline.distribution.platform.MetricsCollector;
import io.cutline.ledger.MetricsLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback loop's collection (routes/feedback.yaml, on a Quartz schedule): every publication with
 * a checkpoint due ({@link Checkpoints}) is read from its platform's {@link MetricsCollector}, one
 * platform at a time, ids batched by the collector. A video without data is simply asked again next
 * time; a platform whose API fails is logged and skipped this round, never stopping the others or
 * any job. A platform without a collector (the outbox) has no metrics.
 */
public class MetricsCollection {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsCollection.class);

    /** What one round did: publications asked about, samples stored, videos without data, platforms that failed. */
    public record Round(int asked, int sampled, int withoutData, List<String> failedPlatforms) {
    }

    private record Due(MetricsLedger.Posted posted, int checkpoint, String videoId) {
    }

    private final MetricsLedger ledger;
    private final Map<String, MetricsCollector> collectors;
    private final Checkpoints checkpoints;
    private final Clock clock;

    MetricsCollection(MetricsLedger ledger, Map<String, MetricsCollector> collectors, Checkpoints checkpoints, Clock clock) {
        this.ledger = ledger;
        this.collectors = Map.copyOf(collectors);
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    public Round collectDue() {
        Instant now = clock.instant();
        Map<String, List<Due>> byPlatform = new LinkedHashMap<>();
        for (MetricsLedger.Posted posted : ledger.postedSince(OffsetDateTime.ofInstant(now.minus(checkpoints.horizon()), ZoneOffset.UTC))) {
            MetricsCollector collector = collectors.get(posted.platform());
            Optional<Integer> checkpoint = checkpoints.due(posted.publishedAt(), posted.collected(), now);
            Optional<String> videoId = collector == null ? Optional.empty() : collector.videoId(posted.location());
            if (checkpoint.isPresent() && videoId.isPresent()) {
                byPlatform.computeIfAbsent(posted.platform(), platform -> new ArrayList<>()).add(new Due(posted, checkpoint.get(), videoId.get()));
            }
        }
        int asked = 0;
        int sampled = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, List<Due>> platform : byPlatform.entrySet()) {
            List<Due> due = platform.getValue();
            asked += due.size();
            Map<String, MetricsCollector.Reading> readings;
            try {
                readings = collectors.get(platform.getKey()).collect(due.stream().map(Due::videoId).distinct().toList());
            } catch (RuntimeException e) {
                LOG.warn("metrics of {} {} video(s) not read this round: {}", due.size(), platform.getKey(), e.getMessage());
                failed.add(platform.getKey());
                continue;
            }
            for (Due one : due) {
                MetricsCollector.Reading reading = readings.get(one.videoId());
                if (reading != null) {
                    ledger.record(one.posted().jobId(), platform.getKey(), one.checkpoint(), reading.source(), reading.metrics());
                    sampled++;
                }
            }
        }
        Round round = new Round(asked, sampled, asked - sampled - failed.stream().mapToInt(p -> byPlatform.get(p).size()).sum(), failed);
        if (asked > 0) {
            LOG.info("metrics: {} publication(s) due, {} sampled, {} without data yet, failed platforms {}", asked, sampled,
                    round.withoutData(), failed);
        }
        return round;
    }
}
