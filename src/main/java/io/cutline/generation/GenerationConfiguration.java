package io.cutline.generation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.generation.clip.ClipGenerator;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderCatalog;
import io.cutline.config.ProviderSettings;
import io.cutline.timing.TimingPlanner;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * Layer 3 (routes/generation.yaml): the generators, the router's health and limits, the desk that
 * plans and submits clips, and the poller that follows paid generations. The generators are every
 * {@code cutline.generation.<name>} block with an {@code adapter}: synchronous ones (the local
 * renderer, the footage library) and hosted, paid ones.
 */
public class GenerationConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Generators generators(Settings settings, AdapterKit kit) {
        Map<String, ClipGenerator> synchronous = new LinkedHashMap<>();
        Map<String, HostedGenerator> hosted = new LinkedHashMap<>();
        Map<String, ProviderSettings> blocks = settings.providers("cutline.generation");
        blocks.forEach((name, block) -> {
            Object adapter = ProviderCatalog.build(block, kit, Object.class);
            if (adapter instanceof HostedGenerator remote) {
                hosted.put(name, remote);
            } else if (adapter instanceof ClipGenerator local) {
                synchronous.put(name, local);
            } else {
                throw new IllegalStateException("property " + block.property("adapter") + ": " + adapter.getClass().getName()
                        + " is neither a ClipGenerator nor a HostedGenerator");
            }
        });
        return new Generators(synchronous, hosted, blocks);
    }

    /** Circuit breakers per provider: the router passes over a provider whose recent calls mostly failed. */
    @BindToRegistry
    public ProviderHealth providerHealth(Settings settings) {
        return new ProviderHealth(settings.integer("cutline.generation.breaker.minimum-calls"),
                (float) settings.decimal("cutline.generation.breaker.failure-rate-percent"),
                settings.millis("cutline.generation.breaker.open-ms"));
    }

    @BindToRegistry
    public TimingPlanner timingPlanner(Settings settings) {
        return new TimingPlanner(settings.decimal("cutline.timing.lead-seconds"), settings.decimal("cutline.timing.tail-seconds"),
                settings.decimal("cutline.timing.max-slowdown"), settings.decimal("cutline.timing.max-hold-seconds"));
    }

    /** Each hosted provider's {@code max-in-flight} and {@code submissions-per-minute}. */
    @BindToRegistry(lazy = true)
    public ProviderLimits providerLimits(Generators generators, GenerationLedger generations) {
        return new ProviderLimits(generators.eachHosted(block -> new ProviderLimits.Limit(block.integer("max-in-flight"),
                block.integer("submissions-per-minute"))), generations::inFlight);
    }

    /** Each hosted provider's {@code poll-interval-ms}, with the shared back-off. */
    @BindToRegistry(lazy = true)
    public PollSchedule pollSchedule(Settings settings, Generators generators) {
        return new PollSchedule(generators.eachHosted(block -> Duration.ofMillis(block.integer("poll-interval-ms"))),
                settings.millis("cutline.generation.poll-tick-ms"),
                settings.integer("cutline.generation.poll-backoff-after"), settings.millis("cutline.generation.poll-max-interval-ms"),
                settings.millis("cutline.generation.download-retry-ms"));
    }

    @BindToRegistry(lazy = true)
    public GenerationDesk generationDesk(JobLedger jobs, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                                         StepLog stepLog, ChannelRegistry channels, Generators generators, TimingPlanner planner,
                                         ProviderHealth health, ProviderLimits limits, CostLedger costs, MediaProbe probe, MediaStore media,
                                         ObjectMapper json, Settings settings, PollSchedule polls) {
        return new GenerationDesk(jobs, stories, voices, generations, stepLog, channels, generators.synchronous(), generators.hosted(),
                planner, health, limits, costs, probe, media, json,
                settings.integer("cutline.generation.short-side"), settings.integer("cutline.generation.fps"),
                settings.integer("cutline.generation.max-attempts"), polls);
    }

    /** {@code unknown-outcome} per hosted provider: what a lost submission reply leads to. */
    @BindToRegistry(lazy = true)
    public GenerationPoller generationPoller(GenerationDesk desk, ProviderHealth health, GenerationLedger generations,
                                             StoryLedger stories, JobLedger jobs, Generators generators, MediaStore media,
                                             ObjectMapper json, CamelContext context, Settings settings) {
        Map<String, GenerationPoller.UnknownOutcome> policies = generators.eachHosted(block -> GenerationPoller.UnknownOutcome.valueOf(
                block.text("unknown-outcome").toUpperCase(Locale.ROOT)));
        GenerationMetrics metrics = new GenerationMetrics(() -> context.getRegistry().lookupByNameAndType(
                MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class));
        return new GenerationPoller(desk, health, generations, stories, jobs, generators.hosted(), policies, media, json, metrics,
                settings.integer("cutline.generation.poll-batch"));
    }

    @BindToRegistry
    public ClipCollector clipCollector() {
        return new ClipCollector();
    }

    /** The scene renders and the polls run on their own bounded pools (routes/generation.yaml names them). */
    @Override
    public void configure(CamelContext context) {
        Settings settings = context.getRegistry().findSingleByType(Settings.class);
        int generationThreads = settings.integer("cutline.generation.concurrency");
        int pollThreads = settings.integer("cutline.generation.poll-threads");
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("generationPool")
                .poolSize(generationThreads).maxPoolSize(generationThreads).build());
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("pollPool")
                .poolSize(pollThreads).maxPoolSize(pollThreads).build());
    }

    /** The configured generators by name, and each one's settings block. */
    public record Generators(Map<String, ClipGenerator> synchronous, Map<String, HostedGenerator> hosted,
                             Map<String, ProviderSettings> blocks) {

        /** One value per hosted provider, from its settings block. */
        <T> Map<String, T> eachHosted(Function<ProviderSettings, T> setting) {
            return hosted.keySet().stream().collect(Collectors.toMap(Function.identity(), name -> setting.apply(blocks.get(name))));
        }
    }
}
