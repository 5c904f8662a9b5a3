package io.cutline.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.AcmeEmulation;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.HostedSettings;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hosted provider that exists only in the tests — one adapter class ({@code AcmeGenerator}), one
 * properties block (below) and one emulation ({@code AcmeEmulation}), nothing else — is accepted in
 * a channel file, routed to, paid once per clip and makes a real video.
 */
class AddingAProviderTest {

    /** Everything the service is told about Acme. */
    private static Map<String, String> acmeBlock(String emulator) {
        return Map.of(
                "cutline.generation.acme.adapter", "io.cutline.generation.hosted.AcmeGenerator",
                "cutline.generation.acme.base-url", emulator + "/acme/v1",
                "cutline.generation.acme.api-key-env", "CUTLINE_TEST_API_KEY",
                "cutline.generation.acme.model", "acme-video-1",
                "cutline.generation.acme.durations", "2-8",
                "cutline.generation.acme.price-per-second", "0.05",
                "cutline.generation.acme.unknown-outcome", "park",
                "cutline.generation.acme.max-in-flight", "4",
                "cutline.generation.acme.submissions-per-minute", "60",
                "cutline.generation.acme.poll-interval-ms", "200");
    }

    @Test
    void aProviderAddedAsOneClassOneBlockAndOneEmulationMakesAVideo() throws Exception {
        Path root = TestService.newRoot("adding-a-provider");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 3,
                List.of(new AcmeEmulation()))) {
            emulator.timing("acme", Duration.ofMillis(300), 1);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.putAll(acmeBlock(emulator.baseUrl()));
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "acme").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                JobView view = service.bean("jobViews", JobViews.class).describe(id);
                int clips = view.scenes().stream().mapToInt(scene -> scene.clips().size()).sum();
                assertThat(view.scenes()).allSatisfy(scene -> assertThat(scene.clips())
                        .allSatisfy(clip -> assertThat(clip.provider()).isEqualTo("acme")));
                assertThat(emulator.billing().accounts().get("acme").billable()).as("one payment per clip").isEqualTo(clips);
                assertThat(view.cost().usd()).isPositive();
                Path video = Path.of(view.renders().get(0).path());
                assertThat(Probe.stream(Probe.ffprobe(video), "video").path("height").asInt()).isEqualTo(1920);
                assertThat(Probe.duration(video)).isGreaterThan(3);
            }
        }
    }
}
