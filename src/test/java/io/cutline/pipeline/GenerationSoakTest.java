package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.job.JobRequest;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.HostedSettings;
import io.cutline.support.ManyTopics;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Many six-scene jobs at once across Kling, Luma and fal while the emulator answers 10% of the
 * submissions with a transient fault (429 or 503) and loses 10% of the replies after billing them:
 * every job completes, every clip is paid for exactly once. (bench/soak.sh runs the same promise
 * across every layer, with kills, against the built service.)
 */
class GenerationSoakTest {

    private static final List<String> PROVIDERS = List.of("kling", "luma", "fal");
    private static final int JOBS = 6;

    @Test
    void everyJobCompletesUnderTransientFaultsAndLostRepliesWithNoPaidDuplicate() throws Exception {
        Path root = TestService.newRoot("soak");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 7)) {
            for (String provider : PROVIDERS) {
                emulator.timing(provider, Duration.ofMillis(400), 1);
                emulator.faults().sometimes(provider, new Fault(Fault.Kind.RATE_LIMIT, 429, 0.2, 0), 0.05);
                emulator.faults().sometimes(provider, new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 0.05);
                // one certain lost reply per provider, so the run always has one to recover from, then the random ones
                emulator.faults().queue(provider, Fault.of(Fault.Kind.LOST_REPLY), 1);
                emulator.faults().sometimes(provider, Fault.of(Fault.Kind.LOST_REPLY), 0.10);
                emulator.faults().sometimes(provider + "-poll", new Fault(Fault.Kind.SERVER_ERROR, 502, 0, 0), 0.05);
            }
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", channels(root).toString());
            settings.put("cutline.signals.dir", signals(root, JOBS).toString());
            settings.put("cutline.generation.breaker.minimum-calls", "1000");
            long started = System.nanoTime();
            try (TestService service = new TestService(root, settings).start()) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    String channel = "soak-" + PROVIDERS.get(i % PROVIDERS.size());
                    ids.add(service.submit(new JobRequest(channel, ManyTopics.title(i), null, "soak")).job().id());
                }
                JobViews views = service.bean("jobViews", JobViews.class);
                int scenes = 0;
                for (String id : ids) {
                    Job job = service.awaitEnd(id, Duration.ofMinutes(10));
                    assertThat(job.state()).as("job %s: %s", id, job.failureReason()).isEqualTo(JobState.DONE);
                    JobView view = views.describe(id);
                    assertThat(view.scenes()).hasSize(6);
                    scenes += view.scenes().size();
                    JobView.RenderView render = view.renders().get(0);
                    JsonNode probe = Probe.ffprobe(Path.of(render.path()));
                    assertThat(Probe.stream(probe, "video").path("width").asInt()).isEqualTo(1080);
                    assertThat(Probe.stream(probe, "video").path("height").asInt()).isEqualTo(1920);
                    assertThat(Probe.stream(probe, "audio").isMissingNode()).isFalse();
                    double narration = view.scenes().stream().mapToDouble(scene -> scene.voice().seconds()).sum();
                    assertThat(Probe.duration(Path.of(render.path()))).isGreaterThanOrEqualTo(narration);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Integer> faults = emulator.faults().injected();
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "soak: %d jobs, %d scenes, all DONE in %.0f s;",
                        JOBS, scenes, seconds));
                for (String provider : PROVIDERS) {
                    var account = emulator.billing().accounts().get(provider);
                    int clips = service.jdbc().queryForObject(
                            "SELECT COUNT(*) FROM generation_tasks WHERE provider = ? AND state = 'SUCCEEDED'", Integer.class, provider);
                    assertThat(account.duplicates()).as("paid duplicates at %s", provider).isZero();
                    assertThat(account.billable()).as("one payment per clip at %s", provider).isEqualTo(clips);
                    report.append(String.format(Locale.ROOT, " %s: %d clips, %d paid, %d duplicates, %d lost replies, %d 429, %d 503;",
                            provider, clips, account.billable(), account.duplicates(), faults.getOrDefault(provider + " LOST_REPLY", 0),
                            faults.getOrDefault(provider + " RATE_LIMIT", 0), faults.getOrDefault(provider + " SERVER_ERROR", 0)));
                }
                int lost = PROVIDERS.stream().mapToInt(provider -> faults.getOrDefault(provider + " LOST_REPLY", 0)).sum();
                assertThat(lost).as("replies were lost").isPositive();
                System.out.println(report);
            }
        }
    }

    private static Path channels(Path root) throws Exception {
        Path channels = Files.createDirectories(root.resolve("channels"));
        String quick = Files.readString(Path.of("src/test/resources/channels/quick.yaml"));
        for (String provider : PROVIDERS) {
            Files.writeString(channels.resolve("soak-" + provider + ".yaml"), quick
                    .replace("id: quick", "id: soak-" + provider)
                    // at 400 words a minute the template writer uses all four facts of a topic in 8 s
                    .replace("wordsPerMinute: 260", "wordsPerMinute: 400")
                    .replace("platforms: [youtube, tiktok]", "platforms: [youtube]")
                    .replace("perVideoUsd: 0", "perVideoUsd: 100").replace("perDayUsd: 0", "perDayUsd: 100000")
                    + "generation:\n  provider: " + provider + "\n");
        }
        return channels;
    }

    private static Path signals(Path root, int jobCount) throws Exception {
        Path signals = root.resolve("signals");
        for (int p = 0; p < PROVIDERS.size(); p++) {
            ManyTopics.write(signals, "soak-" + PROVIDERS.get(p), p, jobCount, PROVIDERS.size());
        }
        return signals;
    }
}
