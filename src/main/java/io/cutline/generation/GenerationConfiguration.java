package io.cutline.generation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.channel.JobChannels;
import io.cutline.config.ProviderSettings;
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
import io.cutline.timing.TimingPlanner;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * Layer 3 (routes/generation.yaml): the generators, the router, the local and paid paths and the
 * poller that follows paid generations. The generators are every {@code cutline.generation.<name>}
 * block with an {@code adapter}: synchronous ones (the local renderer, the footage library) and
 * hosted, paid ones. Beans made from other beans of this layer are lazy (made when first looked up),
 * so the order of the methods does not matter.
 */
public class GenerationConfiguration implements CamelConfiguration {

    @BindToRegistry
    public GeneratorCatalog generatorCatalog(Settings settings, AdapterKit kit) {
        Map<String, ClipGenerator> synchronous = new LinkedHashMap<>();
        Map<String, HostedGenerator> hosted = new LinkedHashMap<>();
        settings.providers("cutline.generation").forEach((name, block) -> {
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
        return new GeneratorCatalog(synchronous, hosted);
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

    @BindToRegistry
    public ClipRequests clipRequests(JobLedger jobs, ChannelRegistry channels, ObjectMapper json, Settings settings) {
        return new ClipRequests(jobs, channels, json, settings.integer("cutline.generation.short-side"),
                settings.integer("cutline.generation.fps"));
    }

    @BindToRegistry
    public ClipStore clipStore(GenerationLedger generations, MediaStore media, MediaProbe probe) {
        return new ClipStore(generations, media, probe);
    }

    @BindToRegistry
    public Budgets budgets(CostLedger costs) {
        return new Budgets(costs);
    }

    /** Each hosted provider's {@code max-in-flight} and {@code submissions-per-minute}. */
    @BindToRegistry(lazy = true)
    public ProviderLimits providerLimits(GeneratorCatalog catalog, GenerationLedger generations, Settings settings) {
        return new ProviderLimits(eachHosted(catalog, settings, block -> new ProviderLimits.Limit(block.integer("max-in-flight"),
                block.integer("submissions-per-minute"))), generations::inFlight);
    }

    /** Each hosted provider's {@code poll-interval-ms}, with the shared back-off and batch size. */
    @BindToRegistry(lazy = true)
    public PollSchedule pollSchedule(GeneratorCatalog catalog, Settings settings) {
        return new PollSchedule(eachHosted(catalog, settings, block -> Duration.ofMillis(block.integer("poll-interval-ms"))),
                settings.millis("cutline.generation.poll-tick-ms"), settings.integer("cutline.generation.poll-backoff-after"),
                settings.millis("cutline.generation.poll-max-interval-ms"), settings.millis("cutline.generation.download-retry-ms"),
                settings.integer("cutline.generation.poll-batch"));
    }

    @BindToRegistry(lazy = true)
    public GenerationDesk generationDesk(StoryLedger stories, VoiceLedger voices, TimingPlanner planner, GeneratorCatalog catalog,
                                         ClipStore clips) {
        return new GenerationDesk(stories, voices, planner, catalog, clips);
    }

    @BindToRegistry(lazy = true)
    public GenerationRouter generationRouter(JobChannels jobChannels, StoryLedger stories, GenerationLedger generations,
                                             GeneratorCatalog catalog, ProviderHealth health, Budgets budgets, GenerationDesk desk) {
        return new GenerationRouter(jobChannels, stories, generations, catalog, health, budgets, desk);
    }

    @BindToRegistry(lazy = true)
    public LocalGeneration localGeneration(JobLedger jobs, StoryLedger stories, StepLog stepLog, GenerationLedger generations,
                                           GeneratorCatalog catalog, ClipRequests requests, ClipStore clips) {
        return new LocalGeneration(jobs, stories, stepLog, generations, catalog, requests, clips);
    }

    /** The paid POST behind its gate: the budget checked again under the channel's lock, the provider's limits, the intent committed. */
    @BindToRegistry(lazy = true)
    public ClipSender clipSender(JobLedger jobs, ChannelRegistry channels, Budgets budgets, ProviderLimits limits,
                                 GenerationLedger generations, ClipRequests requests, PollSchedule polls, StepLog stepLog,
                                 ProviderHealth health) {
        return new ClipSender(new SubmissionGate(jobs, channels, budgets, limits, generations, requests, polls), jobs, stepLog,
                generations, health, polls);
    }

    @BindToRegistry(lazy = true)
    public ClipSubmitter clipSubmitter(StoryLedger stories, GenerationLedger generations, GeneratorCatalog catalog, ClipRequests requests,
                                       ClipSender sender, Settings settings) {
        return new ClipSubmitter(stories, generations, catalog, requests, sender, settings.integer("cutline.generation.max-attempts"));
    }

    /** {@code unknown-outcome} per hosted provider: what a lost submission reply leads to. */
    @BindToRegistry(lazy = true)
    public GenerationPoller generationPoller(GenerationLedger generations, GeneratorCatalog catalog, ClipRequests requests,
                                             ProviderHealth health, PollSchedule polls, ClipStore clips, ClipSender sender,
                                             JobLedger jobs, StoryLedger stories, GenerationDesk desk, Settings settings) {
        Map<String, Resubmissions.UnknownOutcome> policies = eachHosted(catalog, settings, block -> Resubmissions.UnknownOutcome.valueOf(
                block.text("unknown-outcome").toUpperCase(Locale.ROOT)));
        ClipScenes scenes = new ClipScenes(generations, jobs, stories, desk);
        return new GenerationPoller(generations, catalog, requests, health, polls, clips, scenes,
                new Resubmissions(generations, sender, scenes, polls, policies, settings.integer("cutline.generation.max-attempts")));
    }

    @BindToRegistry
    public ClipCollector clipCollector() {
        return new ClipCollector();
    }

    /**
     * The scene renders and the polls run on their own bounded pools (routes/generation.yaml names
     * them); the lost-reply counters join Camel's meter registry once it exists.
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = context.getRegistry().findSingleByType(Settings.class);
        context.addStartupListener((started, alreadyStarted) -> {
            // called again (alreadyStarted) for routes made later, e.g. a platform's publishing route
            MeterRegistry meters = alreadyStarted ? null
                    : started.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            if (meters != null) {
                new GenerationMetrics(started.getRegistry().findSingleByType(GenerationLedger.class),
                        started.getRegistry().findSingleByType(GeneratorCatalog.class).hostedProviders()).bindTo(meters);
            }
        });
        int generationThreads = settings.integer("cutline.generation.concurrency");
        int pollThreads = settings.integer("cutline.generation.poll-threads");
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("generationPool")
                .poolSize(generationThreads).maxPoolSize(generationThreads).build());
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("pollPool")
                .poolSize(pollThreads).maxPoolSize(pollThreads).build());
    }

    /** One value per hosted provider, from its settings block. */
    private static <T> Map<String, T> eachHosted(GeneratorCatalog catalog, Settings settings, Function<ProviderSettings, T> setting) {
        Map<String, ProviderSettings> blocks = settings.providers("cutline.generation");
        return catalog.hostedProviders().stream().collect(Collectors.toMap(Function.identity(), name -> setting.apply(blocks.get(name))));
    }
}
