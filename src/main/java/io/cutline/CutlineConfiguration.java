package io.cutline;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cutline.assembly.AudioMix;
import io.cutline.assembly.EditReader;
import io.cutline.assembly.QualityGates;
import io.cutline.assembly.RenderGraph;
import io.cutline.assembly.Renderer;
import io.cutline.assembly.RenditionChecks;
import io.cutline.ledger.QualityLedger;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.AudioDecoder;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderSettings;
import io.cutline.provider.RateLimits;
import io.cutline.timing.DurationRule;
import io.cutline.timing.TimingPlanner;
import io.cutline.voice.speech.ElevenLabsVoice;
import io.cutline.voice.speech.OpenAiSpeechVoice;
import io.cutline.voice.speech.VoiceProvider;
import io.cutline.api.ApiHeaderFilter;
import io.cutline.api.JobApi;
import io.cutline.api.JobViews;
import io.cutline.api.ProviderHooks;
import io.cutline.api.SceneViews;
import io.cutline.assembly.Assembler;
import io.cutline.channel.ChannelRegistry;
import io.cutline.distribution.platform.OutboxPublisher;
import io.cutline.distribution.PublicationDesk;
import io.cutline.generation.Budgets;
import io.cutline.generation.ClipCollector;
import io.cutline.generation.ClipRequests;
import io.cutline.generation.ClipScenes;
import io.cutline.generation.ClipSender;
import io.cutline.generation.ClipStore;
import io.cutline.generation.ClipSubmitter;
import io.cutline.generation.GenerationDesk;
import io.cutline.generation.GenerationMetrics;
import io.cutline.generation.GenerationPoller;
import io.cutline.generation.GenerationRouter;
import io.cutline.generation.GeneratorCatalog;
import io.cutline.generation.LocalGeneration;
import io.cutline.generation.PollSchedule;
import io.cutline.generation.ProviderHealth;
import io.cutline.generation.ProviderLimits;
import io.cutline.generation.Resubmissions;
import io.cutline.generation.SubmissionGate;
import io.cutline.generation.hosted.FalGenerator;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.generation.hosted.KlingGenerator;
import io.cutline.generation.hosted.LumaGenerator;
import io.cutline.generation.hosted.RunwayGenerator;
import io.cutline.generation.hosted.VeoGenerator;
import io.cutline.generation.clip.FootageLibrary;
import io.cutline.generation.clip.LocalClipRenderer;
import io.cutline.research.Researcher;
import io.cutline.research.SignalLibrary;
import io.cutline.job.JobIntake;
import io.cutline.job.JobSteps;
import io.cutline.job.LeaseRelease;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.schedule.ChannelScheduler;
import io.cutline.writer.StoryWriter;
import io.cutline.writer.TemplateWriter;
import io.cutline.storyboard.Storyboarder;
import io.cutline.voice.speech.EspeakVoice;
import io.cutline.voice.NarrationRecorder;
import io.cutline.voice.Narrator;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.Registry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds and registers every bean the routes use, from the properties documented in
 * {@code config/application.properties}. The routes in {@code routes/} refer to these by name.
 */
public class CutlineConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        LedgerDatabase database = new LedgerDatabase(settings.text("cutline.db.url"), settings.optional("cutline.db.user").orElse(null),
                settings.optional("cutline.db.password").orElse(null), settings.integer("cutline.db.pool-size"));
        context.addService(database);
        registry.bind("ledgerDatabase", database);
        JdbcTemplate jdbc = database.jdbc();
        String node = settings.optional("cutline.node.id").orElseGet(CutlineConfiguration::nodeId);
        JobLedger jobs = new JobLedger(jdbc, clock, node, settings.millis("cutline.jobs.lease-ms"));
        StepLog stepLog = new StepLog(jdbc, clock);
        StoryLedger stories = new StoryLedger(jdbc, database.transactions(), json, clock);
        VoiceLedger voices = new VoiceLedger(jdbc, clock, json);
        GenerationLedger generations = new GenerationLedger(jdbc, clock, node, settings.millis("cutline.generation.claim-ms"));
        RenderLedger renders = new RenderLedger(jdbc, clock);
        PublicationLedger publications = new PublicationLedger(jdbc, clock);
        QualityLedger quality = new QualityLedger(jdbc, clock);
        registry.bind("jobLedger", jobs);
        registry.bind("storyLedger", stories);
        context.getManagementStrategy().addEventNotifier(new LeaseRelease(jobs, generations));

        ChannelRegistry channels = new ChannelRegistry(settings.path("cutline.channels.dir"), settings.path("cutline.signals.dir"), json);
        channels.reload();
        registry.bind("channelRegistry", channels);
        registry.bind("channelScheduler", new ChannelScheduler(context, channels, settings.flag("cutline.schedules.enabled")));

        ToolRunner tools = new ToolRunner(context.createProducerTemplate(), Map.of(
                Tool.FFMPEG, settings.text(Tool.FFMPEG.property()),
                Tool.FFPROBE, settings.text(Tool.FFPROBE.property()),
                Tool.ESPEAK, settings.text(Tool.ESPEAK.property())), settings.integer("cutline.tools.timeout-ms"));
        MediaProbe probe = new MediaProbe(tools, json);
        AudioAnalysis audio = new AudioAnalysis(tools);
        MediaStore media = new MediaStore(settings.path("cutline.media.dir"));
        HttpGateway http = new HttpGateway(context, settings.millis("cutline.providers.connect-timeout-ms"),
                settings.millis("cutline.providers.response-timeout-ms"));
        registry.bind("rateLimits", new RateLimits(settings.integer("cutline.retry.rate-limit-attempts"),
                settings.millis("cutline.retry.rate-limit-max-wait-ms"), settings.millis("cutline.retry.delay-ms")));

        StoryWriter writer = new TemplateWriter(TemplateWriter.readPhrases(settings.path("cutline.writer.template.phrases"), json));
        registry.bind("jobIntake", new JobIntake(channels, jobs));
        registry.bind("jobSteps", new JobSteps(jobs, stepLog));
        registry.bind("researcher", new Researcher(jobs, stories, channels,
                new SignalLibrary(settings.path("cutline.signals.dir"), json), writer, json));
        registry.bind("storyboarder", new Storyboarder(jobs, stories, channels, writer, json));
        List<VoiceProvider> voiceProviders = List.of(new EspeakVoice(tools),
                new ElevenLabsVoice(http, provider(settings, "elevenlabs", "cutline.voice.elevenlabs"),
                        settings.text("cutline.voice.elevenlabs.output-format"), json),
                new OpenAiSpeechVoice(http, provider(settings, "openai", "cutline.voice.openai"), json));
        registry.bind("narrator", new Narrator(jobs, stories, voices, stepLog, channels,
                voiceProviders.stream().collect(Collectors.toMap(VoiceProvider::name, Function.identity())),
                new NarrationRecorder(probe, audio, new AudioDecoder(tools), media)));

        LocalClipRenderer local = new LocalClipRenderer(tools, settings.text("cutline.generation.local.model"),
                DurationRule.parse(settings.text("cutline.generation.local.durations")));
        FootageLibrary footage = new FootageLibrary(tools, probe, settings.path("cutline.generation.footage.folder"),
                settings.text("cutline.generation.footage.model"),
                DurationRule.parse(settings.text("cutline.generation.footage.durations")));
        TimingPlanner planner = new TimingPlanner(settings.decimal("cutline.timing.lead-seconds"),
                settings.decimal("cutline.timing.tail-seconds"), settings.decimal("cutline.timing.max-slowdown"),
                settings.decimal("cutline.timing.max-hold-seconds"));
        Map<String, HostedGenerator> hosted = hostedGenerators(settings, http, json);
        ProviderHealth health = new ProviderHealth(settings.integer("cutline.generation.breaker.minimum-calls"),
                (float) settings.decimal("cutline.generation.breaker.failure-rate-percent"),
                settings.millis("cutline.generation.breaker.open-ms"));
        ProviderLimits limits = new ProviderLimits(perProvider(hosted.keySet(), name -> new ProviderLimits.Limit(
                settings.integer("cutline.generation." + name + ".max-in-flight"),
                settings.integer("cutline.generation." + name + ".submissions-per-minute"))), generations::inFlight);
        CostLedger costs = new CostLedger(jdbc);
        GeneratorCatalog catalog = new GeneratorCatalog(Map.of(local.provider(), local, footage.provider(), footage), hosted);
        ClipRequests requests = new ClipRequests(jobs, channels, json, settings.integer("cutline.generation.short-side"),
                settings.integer("cutline.generation.fps"));
        ClipStore clipStore = new ClipStore(generations, media, probe);
        PollSchedule polls = pollSchedule(settings, hosted.keySet());
        int maxAttempts = settings.integer("cutline.generation.max-attempts");
        Budgets budgets = new Budgets(costs);
        GenerationDesk desk = new GenerationDesk(stories, voices, planner, catalog, clipStore);
        registry.bind("generationDesk", desk);
        registry.bind("generationRouter", new GenerationRouter(jobs, channels, stories, generations, catalog, health, budgets, desk));
        registry.bind("localGeneration", new LocalGeneration(jobs, stories, stepLog, generations, catalog, requests, clipStore));
        ClipSender sender = new ClipSender(new SubmissionGate(jobs, channels, budgets, limits, generations, requests, polls), jobs,
                stepLog, generations, health, polls);
        registry.bind("clipSubmitter", new ClipSubmitter(stories, generations, catalog, requests, sender, maxAttempts));
        Map<String, Resubmissions.UnknownOutcome> policies = perProvider(hosted.keySet(), name -> Resubmissions.UnknownOutcome.valueOf(
                settings.text("cutline.generation." + name + ".unknown-outcome").toUpperCase(java.util.Locale.ROOT)));
        GenerationMetrics metrics = new GenerationMetrics(() -> registry.lookupByNameAndType(
                MicrometerConstants.METRICS_REGISTRY_NAME, io.micrometer.core.instrument.MeterRegistry.class));
        ClipScenes clipScenes = new ClipScenes(generations, jobs, stories, desk);
        registry.bind("generationPoller", new GenerationPoller(generations, catalog, requests, health, polls, clipStore, clipScenes,
                new Resubmissions(generations, sender, clipScenes, polls, policies, metrics, maxAttempts)));
        int generationThreads = settings.integer("cutline.generation.concurrency");
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("generationPool")
                .poolSize(generationThreads).maxPoolSize(generationThreads).build());
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("pollPool")
                .poolSize(settings.integer("cutline.generation.poll-threads")).maxPoolSize(settings.integer("cutline.generation.poll-threads"))
                .build());
        registry.bind("clipCollector", new ClipCollector());
        registry.bind("clipAggregationRepository", clipAggregationRepository(database));

        AudioMix mix = new AudioMix(tools, new AudioMix.Target(settings.decimal("cutline.assembly.loudness-lufs"),
                settings.decimal("cutline.assembly.mix-true-peak-db")));
        QualityGates gates = new QualityGates(new QualityGates.Targets(settings.decimal("cutline.assembly.loudness-lufs"),
                settings.decimal("cutline.assembly.loudness-tolerance-lu"), settings.decimal("cutline.assembly.true-peak-ceiling-db")));
        RenderGraph.Encoding encoding = new RenderGraph.Encoding(settings.integer("cutline.assembly.fps"),
                settings.text("cutline.assembly.preset"), settings.integer("cutline.assembly.crf"), settings.text("cutline.assembly.audio-bitrate"));
        registry.bind("assembler", new Assembler(new EditReader(jobs, channels, stories, voices, generations, encoding.fps()),
                new Renderer(tools, media, mix, encoding, settings.decimal("cutline.assembly.music-volume-db"),
                        settings.integer("cutline.generation.short-side")),
                new RenditionChecks(probe, audio, gates, quality, encoding.fps()), renders, media));
        registry.bind("publicationDesk", new PublicationDesk(jobs, stories, renders, publications, channels,
                new OutboxPublisher(settings.path("cutline.outbox.dir"), json)));

        registry.bind("jobIntakeRepository", idempotentRepository(database, "job-intake"));
        registry.bind("publicationRepository", idempotentRepository(database, "publication"));
        JobViews views = new JobViews(jobs, stepLog, stories, new SceneViews(stories, voices, generations), renders, publications,
                quality, costs);
        registry.bind("jobViews", views);
        registry.bind("jobApi", new JobApi(jobs, views, channels, costs, json));
        registry.bind("apiHeaderFilter", new ApiHeaderFilter());
        registry.bind("providerHooks", new ProviderHooks(generations));
    }

    /** Idempotent consumer keys live in the ledger's database, so they survive restarts and are shared by nodes. */
    private static JdbcMessageIdRepository idempotentRepository(LedgerDatabase database, String processorName) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(database.dataSource(), processorName);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    /**
     * The aggregator's groups live in the ledger's database. The generic repository serves H2 and
     * PostgreSQL alike: Camel 4.14's PostgresAggregationRepository binds a version parameter its
     * INSERT does not have and fails on every new group.
     */
    private static JdbcAggregationRepository clipAggregationRepository(LedgerDatabase database) {
        JdbcAggregationRepository repository =
                new JdbcAggregationRepository(database.transactionManager(), "clip_aggregation", database.dataSource());
        repository.setUseRecovery(false);
        return repository;
    }

    /** The hosted video generators, each from its {@code cutline.generation.<name>.*} properties. */
    private static Map<String, HostedGenerator> hostedGenerators(Settings settings, HttpGateway http, ObjectMapper json) {
        Map<String, HostedGenerator> hosted = new java.util.LinkedHashMap<>();
        hosted.put("runway", new RunwayGenerator(http, provider(settings, "runway", "cutline.generation.runway"),
                durations(settings, "runway"), price(settings, "runway"), json));
        hosted.put("luma", new LumaGenerator(http, provider(settings, "luma", "cutline.generation.luma"), durations(settings, "luma"),
                price(settings, "luma"), settings.text("cutline.generation.luma.callback-url"), json));
        hosted.put("veo", new VeoGenerator(http, provider(settings, "veo", "cutline.generation.veo"), durations(settings, "veo"),
                price(settings, "veo"), json));
        hosted.put("kling", new KlingGenerator(http, new ProviderSettings("kling", settings.text("cutline.generation.kling.base-url"),
                settings.text("cutline.generation.kling.secret-key-env"), settings.text("cutline.generation.kling.model"),
                "cutline.generation.kling"), durations(settings, "kling"), price(settings, "kling"),
                settings.text("cutline.generation.kling.access-key-env"), settings.text("cutline.generation.kling.secret-key-env"), json));
        hosted.put("fal", new FalGenerator(http, provider(settings, "fal", "cutline.generation.fal"), durations(settings, "fal"),
                price(settings, "fal"), settings.text("cutline.generation.fal.platform-url"),
                settings.text("cutline.generation.fal.duration-format"), json));
        return hosted;
    }

    /** Each hosted provider's {@code poll-interval-ms}, with the shared back-off and batch size. */
    private static PollSchedule pollSchedule(Settings settings, java.util.Set<String> providers) {
        return new PollSchedule(perProvider(providers, name -> settings.millis("cutline.generation." + name + ".poll-interval-ms")),
                settings.millis("cutline.generation.poll-tick-ms"),
                settings.integer("cutline.generation.poll-backoff-after"), settings.millis("cutline.generation.poll-max-interval-ms"),
                settings.millis("cutline.generation.download-retry-ms"), settings.integer("cutline.generation.poll-batch"));
    }

    /** One setting per hosted provider, e.g. its {@code cutline.generation.<name>.poll-interval-ms}. */
    private static <T> Map<String, T> perProvider(java.util.Set<String> providers, Function<String, T> setting) {
        return providers.stream().collect(Collectors.toMap(Function.identity(), setting));
    }

    private static DurationRule durations(Settings settings, String provider) {
        return DurationRule.parse(settings.text("cutline.generation." + provider + ".durations"));
    }

    private static double price(Settings settings, String provider) {
        return settings.decimal("cutline.generation." + provider + ".price-per-second");
    }

    /** A provider's base URL, key variable and model, from {@code <prefix>.base-url}, {@code .api-key-env}, {@code .model}. */
    private static ProviderSettings provider(Settings settings, String name, String prefix) {
        return new ProviderSettings(name, settings.text(prefix + ".base-url"), settings.text(prefix + ".api-key-env"),
                settings.text(prefix + ".model"), prefix);
    }

    private static String nodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
