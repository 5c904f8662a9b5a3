package io.cutline.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.CoreConfiguration;
import io.cutline.distribution.DistributionConfiguration;
import io.cutline.distribution.MetricsCollection;
import io.cutline.distribution.platform.TikTokMetrics;
import io.cutline.distribution.platform.YouTubeMetrics;
import io.cutline.emulator.Audience;
import io.cutline.emulator.Fault;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.MetricsLedger;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.MutableClock;
import io.cutline.support.ShippedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feedback loop driven directly (no videos rendered): jobs are given arms by the learner, their
 * "publications" are written to the ledger and their ids told to the emulator's audience (a hidden
 * truth per arm), the collector reads the metrics over HTTP on a clock the test moves, and the
 * learner's next choices follow. The shipped knobs (trials per video, window, exploration floor, seed).
 */
class FeedbackLoopTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(47, Map.of(
            "cutline.distribution.youtube.metrics-adapter", YouTubeMetrics.class.getName(),
            "cutline.distribution.tiktok.metrics-adapter", TikTokMetrics.class.getName(),
            // a loaded machine can take longer than the emulated default of 2 s, which would read statistics instead of analytics
            "cutline.providers.response-timeout-ms", "15000"));

    private static final List<String> ARMS = List.of("length-15s", "length-30s", "length-45s", "length-60s");
    private static final Duration BETWEEN_VIDEOS = Duration.ofHours(2);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private LedgerDatabase database;
    private JobLedger jobs;
    private PublicationLedger publications;
    private MetricsLedger metrics;
    private LearningLedger learning;
    private StoryLedger stories;
    private HookLedger hooks;
    private MetricsCollection collection;
    private FormatLearner learner;
    private int videos;

    @BeforeEach
    void start() throws Exception {
        ObjectMapper json = new CoreConfiguration().json();
        database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        jobs = new JobLedger(database.jdbc(), clock, "test-node", Duration.ofMinutes(5));
        publications = new PublicationLedger(database.jdbc(), clock);
        metrics = new MetricsLedger(database.jdbc(), json, clock);
        learning = new LearningLedger(database.jdbc(), database.transactions(), clock);
        stories = new StoryLedger(database.jdbc(), database.transactions(), json, clock);
        Path channelsDir = Files.createDirectories(dir.resolve("channels"));
        Files.writeString(channelsDir.resolve("loop.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("id: quick", "id: loop") + "signals: quick.yaml\ntesting:\n  lengthSeconds: [15, 30, 45, 60]\n");
        Files.writeString(channelsDir.resolve("styles.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("id: quick", "id: styles") + "signals: quick.yaml\ntesting:\n  hookStyles: [question, bold-claim, number, story]\n"
                + "  captionStyles: [plain, word-highlight]\n  hookVariants: {count: 3}\n");
        ChannelRegistry channels = ShippedConfig.channels(channelsDir, Path.of("src/test/resources/signals"), json);
        assertThat(channels.reload()).as("channel problems").isEmpty();
        collection = new DistributionConfiguration().metricsCollection(metrics, PROVIDERS.settings(), PROVIDERS.kit(), clock);
        hooks = new HookLedger(database.jdbc(), database.transactions(), clock, "test-node", Duration.ofMinutes(5));
        learner = new FeedbackConfiguration().formatLearner(channels, jobs, metrics, learning, hooks, stories, PROVIDERS.settings());
    }

    @AfterEach
    void stop() {
        database.stop();
    }

    @Test
    void theBanditGivesMostBriefsToTheBestArmAndMovesWhenTheTruthChanges() {
        Audience audience = PROVIDERS.emulator().audience();
        truths(audience, Map.of("length-15s", 45.0, "length-30s", 50.0, "length-45s", 80.0, "length-60s", 40.0));
        List<String> first = rounds(40);
        long best = first.subList(20, 40).stream().filter("length-45s"::equals).count();
        System.out.printf("feedback simulation: rounds 21-40 gave %d of 20 briefs to the best arm (length-45s); all 40: %s%n", best, counts(first));
        assertThat(best).as("briefs 21-40 given to the best arm, of 20").isGreaterThanOrEqualTo(12);
        assertThat(learner.performance("loop").next().arm()).isEqualTo("length-45s");

        truths(audience, Map.of("length-15s", 85.0, "length-30s", 50.0, "length-45s", 40.0, "length-60s", 40.0));
        List<String> second = rounds(40);
        long moved = second.subList(20, 40).stream().filter("length-15s"::equals).count();
        System.out.printf("feedback simulation: after the swap, rounds 61-80 gave %d of 20 briefs to the new best arm (length-15s); all 40: %s%n",
                moved, counts(second));
        assertThat(moved).as("briefs 61-80 given to the new best arm, of 20").isGreaterThanOrEqualTo(12);
        Performance view = learner.performance("loop");
        assertThat(view.next().arm()).isEqualTo("length-15s");
        assertThat(view.arms()).extracting(Performance.Arm::arm).containsExactlyElementsOf(ARMS);
        assertThat(view.arms().stream().mapToInt(Performance.Arm::briefs).sum()).isEqualTo(80);
    }

    @Test
    void eachDimensionIsItsOwnBanditAndMostBriefsGetTheBestHookStyle() {
        Audience audience = PROVIDERS.emulator().audience();
        // the hidden truth is per combination: the hook style decides, word-highlighted captions add a little
        Map<String, Double> hooks = Map.of("hook-question", 80.0, "hook-bold-claim", 50.0, "hook-number", 45.0, "hook-story", 40.0);
        Map<String, Double> captions = Map.of("captions-plain", 0.0, "captions-word-highlight", 5.0);
        hooks.forEach((hook, percent) -> captions.forEach((caption, bonus) ->
                audience.truth(Channel.Testing.arm(List.of(hook, caption)), percent + bonus, 1000)));
        List<String> arms = rounds("styles", 60);
        long later = arms.subList(20, 60).stream().filter(arm -> Channel.Testing.values(arm).contains("hook-question")).count();
        long last = arms.subList(40, 60).stream().filter(arm -> Channel.Testing.values(arm).contains("hook-question")).count();
        System.out.printf("feedback simulation, two dimensions: rounds 21-60 gave %d of 40 briefs the best hook style (hook-question), "
                + "rounds 41-60 %d of 20; all 60: %s%n", later, last, counts(arms));
        assertThat(later).as("briefs 21-60 given the best hook style, of 40").isGreaterThanOrEqualTo(24);
        assertThat(last).as("briefs 41-60 given the best hook style, of 20").isGreaterThanOrEqualTo(12);

        Performance view = learner.performance("styles");
        assertThat(Channel.Testing.values(view.next().arm())).hasSize(2).contains("hook-question");
        assertThat(view.arms()).extracting(Performance.Arm::arm).containsExactly("hook-question", "hook-bold-claim", "hook-number", "hook-story",
                "captions-plain", "captions-word-highlight");
        assertThat(view.arms()).extracting(Performance.Arm::dimension).containsExactly("hook", "hook", "hook", "hook", "captions", "captions");
        assertThat(view.arms().stream().filter(arm -> arm.dimension().equals("hook")).mapToInt(Performance.Arm::briefs).sum())
                .as("every brief counts once in each dimension").isEqualTo(60);
        assertThat(view.arms().stream().filter(arm -> arm.dimension().equals("captions")).mapToInt(Performance.Arm::briefs).sum()).isEqualTo(60);
        assertThat(view.next().chance().get("hook-question")).isGreaterThan(0.5);
        assertThat(view.next().why()).contains("each dimension (hook, captions) is its own bandit");

        Performance frozen = learner.freeze("styles", true);
        assertThat(frozen.next().chance()).containsEntry("hook-question", 1.0);
        assertThat(Channel.Testing.values(learner.choose(jobs.create("styles", null, null, "api").job().id()))).contains("hook-question");
        assertThat(learner.reset("styles").arms()).allSatisfy(arm -> assertThat(arm.videos()).isZero());
    }

    @Test
    void hookVariantsTakeTheBestHookStylesNotTakenYetAndKeepTheBriefsOtherValues() {
        Audience audience = PROVIDERS.emulator().audience();
        Map<String, Double> percents = Map.of("hook-question", 80.0, "hook-bold-claim", 60.0, "hook-number", 35.0, "hook-story", 20.0);
        percents.forEach((hook, percent) -> List.of("captions-plain", "captions-word-highlight").forEach(caption ->
                audience.truth(Channel.Testing.arm(List.of(hook, caption)), percent, 1000)));
        rounds("styles", 24);
        String job = jobs.create("styles", null, null, "api").job().id();
        learner.planHookVariants(job);
        learner.planHookVariants(job);

        List<HookLedger.Variant> plan = hooks.variants(job);
        assertThat(plan).as("planned once, a retried step keeps it").extracting(HookLedger.Variant::number).containsExactly(1, 2, 3);
        HookLedger.Variant own = plan.get(0);
        assertThat(own.jobId()).isEqualTo(job);
        assertThat(own.arm()).isEqualTo(learning.arm(job).orElseThrow().arm());
        Performance view = learner.performance("styles");
        List<String> bestOthers = view.arms().stream().filter(arm -> arm.dimension().equals("hook") && !arm.arm().equals("hook-" + own.hookStyle()))
                .sorted((a, b) -> Double.compare(b.posteriorMean(), a.posteriorMean())).limit(2).map(arm -> arm.arm().substring("hook-".length()))
                .toList();
        assertThat(plan.subList(1, 3)).extracting(HookLedger.Variant::hookStyle).containsExactlyElementsOf(bestOthers);
        String captions = Channel.Testing.values(own.arm()).get(1);
        assertThat(plan.subList(1, 3)).allSatisfy(variant -> {
            assertThat(variant.jobId()).as("made when the storyboard is written").isNull();
            assertThat(Channel.Testing.values(variant.arm())).containsExactly("hook-" + variant.hookStyle(), captions);
            assertThat(variant.reason()).contains("the best hook style not taken yet");
        });
        assertThat(plan).extracting(HookLedger.Variant::platform).as("over the channel's platforms in order, round again")
                .containsExactly("youtube", "tiktok", "youtube");
        assertThat(view.hookVariants()).singleElement().satisfies(brief -> {
            assertThat(brief.job()).isEqualTo(job);
            assertThat(brief.variants()).extracting(Performance.HookVariant::hookStyle)
                    .containsExactly(own.hookStyle(), bestOthers.get(0), bestOthers.get(1));
            assertThat(brief.variants()).allSatisfy(variant -> assertThat(variant.observedObjective()).as("not measured yet").isNull());
        });
    }

    @Test
    void lateMissingAndFailingMetricsNeverBlockTheLoop() {
        Audience audience = PROVIDERS.emulator().audience();
        String late = given(publish(job(), "no-truth-yet", "lateVideo"), "length-30s");
        String healthy = given(publish(job(), "length-45s", "fineVideo"), "length-45s");
        audience.truth("length-45s", 70, 900);
        PROVIDERS.emulator().faults().queue("tiktok-metrics", Fault.of(Fault.Kind.SERVER_ERROR), 1);
        clock.advance(Duration.ofHours(2));

        MetricsCollection.Round round = collection.collectDue();
        assertThat(round.failedPlatforms()).as("TikTok failing is skipped this round").containsExactly("tiktok");
        assertThat(round.sampled()).as("YouTube still read").isEqualTo(1);
        assertThat(samples(late)).as("no data is no row, not zero").isEmpty();
        assertThat(samples(healthy)).extracting(MetricsLedger.Sample::platform).containsExactly("youtube");
        assertThat(learner.choose(job())).as("the next brief still gets an arm").isIn(ARMS);

        audience.video("lateVideo", "length-30s");
        audience.video(tiktokId(late), "length-30s");
        audience.truth("length-30s", 55, 500);
        clock.advance(Duration.ofHours(1));
        round = collection.collectDue();
        assertThat(round.failedPlatforms()).isEmpty();
        assertThat(samples(late)).as("late data is taken when it comes").extracting(MetricsLedger.Sample::platform)
                .containsExactlyInAnyOrder("youtube", "tiktok");
        assertThat(samples(healthy)).extracting(MetricsLedger.Sample::platform).containsExactlyInAnyOrder("youtube", "tiktok");

        String missing = given(publish(job(), "no-truth-ever", "neverMeasured"), "length-60s");
        clock.advance(Duration.ofHours(2));
        assertThat(collection.collectDue().withoutData()).isEqualTo(2);
        clock.advance(Duration.ofHours(24 + 72));
        collection.collectDue();
        clock.advance(Duration.ofDays(30));
        assertThat(collection.collectDue().asked()).as("past every checkpoint's wait, nothing is asked").isZero();
        assertThat(samples(missing)).isEmpty();
        Performance.Arm sixty = learner.performance("loop").arms().stream().filter(arm -> arm.arm().equals("length-60s")).findFirst().orElseThrow();
        assertThat(sixty.videos()).isZero();
        assertThat(sixty.observedObjective()).as("no data is not 0").isNull();
    }

    @Test
    void frozenLearningKeepsTheBestArmResetForgetsAndKeywordsAreLearned() {
        Audience audience = PROVIDERS.emulator().audience();
        truths(audience, Map.of("length-15s", 30.0, "length-30s", 30.0, "length-45s", 90.0, "length-60s", 30.0));
        for (String arm : ARMS) {
            for (int i = 0; i < 3; i++) {
                String job = given(publish(job(), arm, null), arm);
                stories.saveBrief(job, new Brief("t", "a", "h", List.of("b"), "c", List.of(arm.equals("length-45s") ? "Black holes" : "tides"),
                        List.of(), 8), "test", null);
            }
        }
        clock.advance(Duration.ofHours(2));
        collection.collectDue();
        learner.learnAll();
        Map<String, LearningLedger.KeywordScore> keywords = learning.keywordScores("loop");
        assertThat(keywords.get("black holes").score()).as("3 videos near 0.9, shrunk toward 0.5 by 3").isGreaterThan(0.65);
        assertThat(keywords.get("tides").score()).isLessThan(0.45);
        assertThat(keywords.get("tides").videos()).isEqualTo(9);

        Performance frozen = learner.freeze("loop", true);
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.next().chance()).containsEntry("length-45s", 1.0);
        for (int i = 0; i < 5; i++) {
            assertThat(learner.choose(job())).isEqualTo("length-45s");
        }

        Performance reset = learner.reset("loop");
        assertThat(reset.frozen()).isFalse();
        assertThat(reset.arms()).allSatisfy(arm -> {
            assertThat(arm.videos()).isZero();
            assertThat(arm.posteriorMean()).isEqualTo(0.5);
        });
        assertThat(reset.keywords()).isEmpty();
    }

    private List<String> rounds(int count) {
        return rounds("loop", count);
    }

    /**
     * Runs {@code count} videos of the channel: each job gets an arm, is published on both platforms,
     * and the clock moves on to the next collection.
     */
    private List<String> rounds(String channel, int count) {
        List<String> arms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String job = jobs.create(channel, null, null, "api").job().id();
            String arm = learner.choose(job);
            publish(job, arm, null);
            arms.add(arm);
            clock.advance(BETWEEN_VIDEOS);
            collection.collectDue();
        }
        return arms;
    }

    /** Records {@code arm} as the job's arm (as the research route's choice would). */
    private String given(String job, String arm) {
        learning.chooseArm(job, "loop", arm, "given by the test");
        return job;
    }

    private String tiktokId(String job) {
        return publications.find(job, "tiktok").orElseThrow().location().replaceAll(".*/video/", "");
    }

    private String job() {
        return jobs.create("loop", null, null, "api").job().id();
    }

    /** The job's video out on YouTube and TikTok, its ids known to the audience as {@code arm}'s (an arm without truth: no data). */
    private String publish(String job, String arm, String youtubeId) {
        videos++;
        String youtube = youtubeId != null ? youtubeId : "sim" + videos;
        String tiktok = String.valueOf(7_300_000_000_000_000_000L + videos);
        publications.begin(job, "youtube", Publication.LONG_VIDEO);
        publications.succeed(job, "youtube", Publication.LONG_VIDEO, "https://www.youtube.com/watch?v=" + youtube);
        publications.begin(job, "tiktok", Publication.LONG_VIDEO);
        publications.succeed(job, "tiktok", Publication.LONG_VIDEO, "https://www.tiktok.com/@emulated_creator/video/" + tiktok);
        PROVIDERS.emulator().audience().video(youtube, arm);
        PROVIDERS.emulator().audience().video(tiktok, arm);
        return job;
    }

    private List<MetricsLedger.Sample> samples(String job) {
        return metrics.samples("loop").stream().filter(sample -> sample.jobId().equals(job)).toList();
    }

    private static void truths(Audience audience, Map<String, Double> viewPercentage) {
        viewPercentage.forEach((arm, percent) -> audience.truth(arm, percent, 1000));
    }

    private static Map<String, Long> counts(List<String> arms) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        arms.forEach(arm -> counts.merge(arm, 1L, Long::sum));
        return counts;
    }
}
