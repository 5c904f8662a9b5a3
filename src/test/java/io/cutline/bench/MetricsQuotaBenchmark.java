package io.cutline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.CoreConfiguration;
import io.cutline.distribution.DistributionConfiguration;
import io.cutline.distribution.MetricsCollection;
import io.cutline.distribution.platform.InstagramMetrics;
import io.cutline.distribution.platform.TikTokMetrics;
import io.cutline.distribution.platform.YouTubeMetrics;
import io.cutline.emulator.Audience;
import io.cutline.emulator.Billing;
import io.cutline.emulator.InstagramAccount;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.MetricsLedger;
import io.cutline.ledger.Publication;
import io.cutline.ledger.PublicationLedger;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.MutableClock;

/**
 * What the feedback loop's collection asks of the platforms at a given publishing rate: PER_DAY
 * publications a day on each of YouTube, TikTok and Instagram, posted evenly, collected by the real
 * {@link MetricsCollection} (the three metrics collectors, the shipped checkpoints and wait) every
 * collect interval on a simulated clock, against the emulator's metrics endpoints over HTTP. YouTube's
 * analytics lag LAG_HOURS behind a video's posting (its counters do not), as they do on YouTube. The
 * simulation runs for the checkpoints' whole horizon and more, so its last day is the steady state;
 * that day's calls per endpoint (a day and per publication), YouTube Data API quota units and samples
 * stored are reported. Calls are batched per collection round, so they do not scale linearly with the
 * rate: run it at the rate in question (1,000 a day by default).
 * Usage: MetricsQuotaBenchmark [perDay 1000] [days 11] [lagHours 48].
 */
public final class MetricsQuotaBenchmark {

    private static final Duration COLLECT_EVERY = Duration.ofMinutes(15);
    private static final List<String> ENDPOINTS = List.of("youtube-analytics", "youtube-statistics", "tiktok-metrics", "instagram-insights");

    private MetricsQuotaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int lagHours = args.length > 2 ? Integer.parseInt(args[2]) : 48;
        long started = System.nanoTime();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
        ObjectMapper json = new CoreConfiguration().json();
        LedgerDatabase database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        try (EmulatedProviders providers = new EmulatedProviders(5, Map.of(
                "cutline.distribution.youtube.metrics-adapter", YouTubeMetrics.class.getName(),
                "cutline.distribution.tiktok.metrics-adapter", TikTokMetrics.class.getName(),
                "cutline.distribution.instagram.metrics-adapter", InstagramMetrics.class.getName(),
                "cutline.providers.response-timeout-ms", "30000")).open()) {
            JobLedger jobs = new JobLedger(database.jdbc(), clock, "bench", Duration.ofMinutes(5));
            PublicationLedger publications = new PublicationLedger(database.jdbc(), clock);
            MetricsLedger metrics = new MetricsLedger(database.jdbc(), json, clock);
            MetricsCollection collection = new DistributionConfiguration().metricsCollection(metrics, providers.settings(), providers.kit(), clock);
            Audience audience = providers.emulator().audience();
            audience.truth("bench", 55, 2000);
            InstagramAccount instagram = providers.emulator().instagram();

            Duration betweenPosts = Duration.ofDays(1).dividedBy(perDay);
            List<Posted> lagging = new ArrayList<>();
            Map<String, Long> dayStart = counts(providers);
            int samplesAtDayStart = 0;
            int samples = 0;
            int posted = 0;
            Instant nextCollection = clock.instant().plus(COLLECT_EVERY);
            Instant end = clock.instant().plus(Duration.ofDays(days));
            Instant lastDay = end.minus(Duration.ofDays(1));
            while (clock.instant().isBefore(end)) {
                String job = jobs.create("quick", null, null, "bench").job().id();
                String youtube = "yt" + posted;
                String tiktok = String.valueOf(7_300_000_000_000_000_000L + posted);
                InstagramAccount.Media reel = instagram.post("reel " + posted);
                publish(publications, job, "youtube", "https://www.youtube.com/watch?v=" + youtube);
                publish(publications, job, "tiktok", "https://www.tiktok.com/@emulated_creator/video/" + tiktok);
                publish(publications, job, "instagram", reel.permalink() + "#" + reel.id());
                for (String id : List.of(youtube, tiktok, reel.id())) {
                    audience.video(id, "bench");
                }
                audience.lag(youtube, true);
                lagging.add(new Posted(youtube, clock.instant()));
                posted++;
                clock.advance(betweenPosts);
                while (!clock.instant().isBefore(nextCollection)) {
                    Instant analyticsReady = clock.instant().minus(Duration.ofHours(lagHours));
                    while (!lagging.isEmpty() && !lagging.get(0).at().isAfter(analyticsReady)) {
                        audience.lag(lagging.remove(0).videoId(), false);
                    }
                    if (!nextCollection.isAfter(lastDay) && nextCollection.plus(COLLECT_EVERY).isAfter(lastDay)) {
                        dayStart = counts(providers);
                        samplesAtDayStart = samples;
                    }
                    samples += collection.collectDue().sampled();
                    nextCollection = nextCollection.plus(COLLECT_EVERY);
                }
            }
            Map<String, Long> dayEnd = counts(providers);
            Map<String, Long> lastDayCalls = new LinkedHashMap<>();
            for (String endpoint : ENDPOINTS) {
                lastDayCalls.put(endpoint, dayEnd.get(endpoint) - dayStart.get(endpoint));
            }
            report(perDay, days, lagHours, lastDayCalls, samples - samplesAtDayStart, posted, (System.nanoTime() - started) / 1e9);
        } finally {
            database.stop();
        }
    }

    private record Posted(String videoId, Instant at) {
    }

    private static void publish(PublicationLedger publications, String job, String platform, String location) {
        publications.begin(job, platform, Publication.LONG_VIDEO);
        publications.succeed(job, platform, Publication.LONG_VIDEO, location);
    }

    private static Map<String, Long> counts(EmulatedProviders providers) {
        Map<String, Billing.Account> accounts = providers.emulator().billing().accounts();
        Map<String, Long> counts = new LinkedHashMap<>();
        ENDPOINTS.forEach(endpoint -> counts.put(endpoint, accounts.getOrDefault(endpoint, new Billing.Account(0, 0, 0)).requests()));
        return counts;
    }

    private static void report(int perDay, int days, int lagHours, Map<String, Long> calls, int samples, int posted, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Metrics quota benchmark: %d publications a day on each of YouTube, TikTok and Instagram, "
                + "collected every %d min at the shipped checkpoints, %d simulated days (%d posts a platform), YouTube analytics %d h late%n",
                perDay, COLLECT_EVERY.toMinutes(), days, posted, lagHours));
        out.append("  the last simulated day (steady state): calls a day, and per publication of that platform that day\n");
        line(out, "YouTube Analytics reports.query", calls.get("youtube-analytics"), perDay, "(Analytics API quota, not Data API units)");
        line(out, "YouTube Data videos.list", calls.get("youtube-statistics"), perDay,
                String.format(Locale.ROOT, "(%d Data API quota units of the default 10,000 a day)", calls.get("youtube-statistics")));
        line(out, "TikTok video/query", calls.get("tiktok-metrics"), perDay, "");
        line(out, "Instagram media insights", calls.get("instagram-insights"), perDay, "(one call a reel and checkpoint)");
        out.append(String.format(Locale.ROOT, "  samples stored that day: %d (%d publications x 4 checkpoints would be %d)%n", samples, perDay * 3,
                perDay * 3 * 4));
        out.append(String.format(Locale.ROOT, "  benchmark wall time %.0f s%n", seconds));
        System.out.print(out);
    }

    private static void line(StringBuilder out, String what, long calls, int perDay, String note) {
        out.append(String.format(Locale.ROOT, "    %-34s %7d a day   %6.3f a publication   %s", what, calls, (double) calls / perDay, note).stripTrailing())
                .append('\n');
    }
}
