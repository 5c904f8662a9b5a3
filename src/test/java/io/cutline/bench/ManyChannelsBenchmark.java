package io.cutline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.cutline.emulator.Billing;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many channels at once (bench/many-channels.sh [CHANNELS] [MODEL_SECONDS] [FEED_SECONDS]): CHANNELS
 * channels (default 40), each with five signal sources (three RSS feeds and a YouTube Data API search,
 * all answering after FEED_SECONDS, and a JSON file), and an LLM writer (the OpenAI protocol, every
 * answer after MODEL_SECONDS, default 5). Two phases, each set against the bound its configured
 * concurrency allows:
 * <ul>
 *   <li>one poll of every source ({@code direct:poll-signal-sources}, the route the Quartz schedule
 *       calls) against {@code ceil(remote sources / cutline.signals.poll-concurrency) * FEED_SECONDS};</li>
 *   <li>one job per channel, submitted at once, until every brief and storyboard is written, against
 *       {@code ceil(model calls / cutline.jobs.writing-concurrency) * MODEL_SECONDS} (each job's calls
 *       follow one another; the model calls are counted by the emulator, repairs included). The feeds
 *       answer at once in this phase, so that the bound is the model's.</li>
 * </ul>
 * The jobs go on to voice and clips after their storyboard; the benchmark stops the service once the
 * last storyboard is written.
 */
public final class ManyChannelsBenchmark {

    private static final int POLL_CONCURRENCY = 8;
    private static final int WRITING_CONCURRENCY = 8;
    private static final int REMOTE_SOURCES_PER_CHANNEL = 4;

    private ManyChannelsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int channelCount = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        double modelSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double feedSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        Path root = TestService.newRoot("bench-many-channels");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_BENCH_KEY"), 7)) {
            Path channels = channels(root, emulator.baseUrl(), channelCount);
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.putAll(TestService.fastMedia());
            for (String keyEnv : new String[] {"cutline.writer.openai.api-key-env", "cutline.signals.youtube.api-key-env"}) {
                settings.put(keyEnv, "CUTLINE_BENCH_KEY");
            }
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.signals.youtube.base-url", emulator.baseUrl() + "/youtube/v3");
            settings.put("cutline.signals.youtube.daily-quota", "1000000");
            settings.put("cutline.signals.poll-concurrency", String.valueOf(POLL_CONCURRENCY));
            settings.put("cutline.jobs.writing-concurrency", String.valueOf(WRITING_CONCURRENCY));
            settings.put("cutline.providers.response-timeout-ms", String.valueOf(Math.round(modelSeconds * 1000) + 20_000));
            settings.put("cutline.jobs.max-unfinished", String.valueOf(channelCount * 2));
            emulator.youtubeQuota(1_000_000);
            try (TestService service = new TestService(root, settings).start()) {
                Duration feedDelay = Duration.ofMillis(Math.round(feedSeconds * 1000));
                emulator.answerDelay("trend-feed", feedDelay);
                emulator.answerDelay("youtube-data", feedDelay);
                long pollStarted = System.nanoTime();
                service.context().createProducerTemplate().sendBody("direct:poll-signal-sources", null);
                double poll = (System.nanoTime() - pollStarted) / 1e9;
                int remoteSources = channelCount * REMOTE_SOURCES_PER_CHANNEL;
                double pollIdeal = Math.ceil((double) remoteSources / POLL_CONCURRENCY) * feedSeconds;
                int snapshots = service.jdbc().queryForObject("SELECT COUNT(DISTINCT channel_id || '/' || source) FROM signals",
                        Integer.class);

                emulator.answerDelay("trend-feed", Duration.ZERO);
                emulator.answerDelay("youtube-data", Duration.ZERO);
                emulator.answerDelay("openai-chat", Duration.ofMillis(Math.round(modelSeconds * 1000)));
                long callsBefore = modelCalls(emulator);
                long writingStarted = System.nanoTime();
                for (int i = 0; i < channelCount; i++) {
                    service.submit(channelId(i));
                }
                JdbcTemplate ledger = service.jdbc();
                Await.value("every storyboard written", Duration.ofMinutes(30), Duration.ofMillis(100),
                        () -> ledger.queryForObject("SELECT COUNT(DISTINCT job_id) FROM step_log WHERE step = 'STORYBOARD' AND outcome = 'OK'",
                                Integer.class), written -> written >= channelCount);
                double writing = (System.nanoTime() - writingStarted) / 1e9;
                long calls = modelCalls(emulator) - callsBefore;
                double writingIdeal = Math.ceil((double) calls / WRITING_CONCURRENCY) * modelSeconds;
                String report = String.format(Locale.ROOT, """
                        Many channels benchmark: %d channels, 5 signal sources each (%d remote), an LLM writer (one run, %s)
                          signal poll   %6.1f s   ideal ceil(%d sources / %d at once) * %.1f s = %6.1f s   ratio %.3f (target <= 1.2)   %d source snapshots stored
                          writing       %6.1f s   ideal ceil(%d model calls / %d jobs at once) * %.1f s = %6.1f s   ratio %.3f (target <= 1.2)   %d briefs and storyboards
                        """, channelCount, remoteSources, Machine.describe(), poll, remoteSources, POLL_CONCURRENCY, feedSeconds, pollIdeal,
                        poll / pollIdeal, snapshots, writing, calls, WRITING_CONCURRENCY, modelSeconds, writingIdeal, writing / writingIdeal,
                        channelCount);
                System.out.print(report);
                Files.writeString(Path.of("target", "bench-many-channels.txt"), report);
            }
        } finally {
            BenchFiles.delete(root);
        }
    }

    private static long modelCalls(ProviderEmulator emulator) {
        Billing.Account account = emulator.billing().accounts().get("openai-chat");
        return account == null ? 0 : account.requests();
    }

    private static String channelId(int index) {
        return String.format(Locale.ROOT, "many-%02d", index);
    }

    /** CHANNELS copies of the quick test channel, each with five signal sources and the OpenAI writer. */
    private static Path channels(Path root, String emulator, int count) throws Exception {
        Path channels = Files.createDirectories(root.resolve("channels"));
        String quick = Files.readString(Path.of("src/test/resources/channels/quick.yaml"));
        String[] regions = {"US", "GB", "DE", "FR", "JP"};
        for (int i = 0; i < count; i++) {
            String id = channelId(i);
            String signals = "signals:\n  - file: space-trends.json\n"
                    + "  - feed: " + emulator + "/trending/rss?geo=" + regions[i % regions.length] + "\n"
                    + "  - feed: " + emulator + "/trending/rss?geo=" + regions[(i + 1) % regions.length] + "\n"
                    + "  - feed: " + emulator + "/trending/rss?geo=" + regions[(i + 2) % regions.length] + "\n"
                    + "  - youtube: {search: space channel " + i + ", days: 7}\n";
            Files.writeString(channels.resolve(id + ".yaml"), quick.replace("id: quick", "id: " + id)
                    + "writer: {provider: openai}\n" + signals);
        }
        return channels;
    }
}
