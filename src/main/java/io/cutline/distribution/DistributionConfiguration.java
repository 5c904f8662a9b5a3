package io.cutline.distribution;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.distribution.platform.MetricsCollector;
import io.cutline.distribution.platform.Publisher;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.MetricsLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.ShortLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Platforms;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * Layer 5 (routes/distribution.yaml): each finished video to the channel's platforms, once each.
 * A platform is every {@code cutline.distribution.<platform>} block: its publisher and its rules.
 * Failed publications are a gauge per platform ({@link PublicationMetrics}). The published videos' metrics are
 * read on a schedule ({@link MetricsCollection}, routes/feedback.yaml).
 */
public class DistributionConfiguration implements CamelConfiguration {

    @BindToRegistry
    public PublicationDesk publicationDesk(JobLedger jobs, StoryLedger stories, RenderLedger renders, PublicationLedger publications,
                                           ChannelRegistry channels, Platforms platforms, Settings settings, AdapterKit kit,
                                           LanguageLedger languages, HookLedger hooks, ShortLedger shorts, ReadyQueue readyQueue, Clock clock) {
        return new PublicationDesk(jobs, stories, renders, publications, channels, platforms,
                ProviderCatalog.build(settings.providers("cutline.distribution"), kit, Publisher.class), languages, hooks, shorts,
                settings.text("cutline.shorts.title-format"), readyQueue, clock);
    }

    /** The platforms whose block says {@code publish-ahead = true} get their slots' videos ahead, with the slot as their publish time. */
    @BindToRegistry
    public PublishingSlots publishingSlots(JobLedger jobs, ChannelRegistry channels, ReadyQueue queue, LearningLedger learning,
                                           Settings settings, Clock clock) {
        Set<String> publishAhead = new HashSet<>();
        settings.providers("cutline.distribution").forEach((platform, block) -> block.optional("publish-ahead")
                .filter(Boolean::parseBoolean).ifPresent(ahead -> publishAhead.add(platform)));
        return new PublishingSlots(jobs, channels, queue, learning, publishAhead, clock);
    }

    /**
     * Metrics collection: each platform block with a {@code metrics-adapter} gets that collector; the
     * checkpoints are {@code cutline.feedback.checkpoints-h}, each waited for {@code cutline.feedback.wait-for-data-h}.
     */
    @BindToRegistry
    public MetricsCollection metricsCollection(MetricsLedger metrics, Settings settings, AdapterKit kit, Clock clock) {
        Map<String, MetricsCollector> collectors = new LinkedHashMap<>();
        settings.providers("cutline.distribution").forEach((platform, block) -> block.optional("metrics-adapter")
                .ifPresent(adapter -> collectors.put(platform, ProviderCatalog.build(block, kit, MetricsCollector.class, "metrics-adapter"))));
        return new MetricsCollection(metrics, collectors, Checkpoints.parse(settings.text("cutline.feedback.checkpoints-h"),
                Duration.ofHours(settings.integer("cutline.feedback.wait-for-data-h"))), clock);
    }

    /** The failed-publication gauges join Camel's meter registry once it exists. */
    @Override
    public void configure(CamelContext context) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            // called again (alreadyStarted) for routes made later, e.g. a platform's publishing route
            MeterRegistry meters = alreadyStarted ? null
                    : started.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            if (meters != null) {
                new PublicationMetrics(started.getRegistry().findSingleByType(PublicationLedger.class),
                        started.getRegistry().findSingleByType(Settings.class).providers("cutline.distribution").keySet()).bindTo(meters);
            }
        });
    }
}
