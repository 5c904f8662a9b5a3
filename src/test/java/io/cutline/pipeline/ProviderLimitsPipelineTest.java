package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A provider's concurrency limit from configuration: the clips over it wait in the ledger and go
 * out as earlier ones finish, so the provider never sees more than the limit at once.
 */
class ProviderLimitsPipelineTest {

    @Test
    void clipsOverTheInFlightLimitWaitTheirTurnAndTheJobStillCompletes() throws Exception {
        Path root = TestService.newRoot("limits");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.timing("kling", Duration.ofMillis(800), 1);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "kling").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.kling.max-in-flight", "2");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                JobViews views = service.bean("jobViews", JobViews.class);
                JobView seen = Await.value("a clip waiting for a slot, or the job done", Duration.ofMinutes(3), () -> views.describe(id),
                        view -> waiting(view) || view.state().equals("DONE"));
                assertThat(waiting(seen)).as("a clip shown waiting for a slot, with the reason").isTrue();
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                JobView view = views.describe(id);
                int clips = view.scenes().stream().mapToInt(scene -> scene.clips().size()).sum();
                assertThat(clips).as("more clips than the limit").isGreaterThan(2);
                assertThat(emulator.peakInFlight().get("kling")).as("most kling tasks at once").isEqualTo(2);
                assertThat(emulator.billing().accounts().get("kling").billable()).isEqualTo(clips);
            }
        }
    }

    private static boolean waiting(JobView view) {
        return view.scenes().stream().flatMap(scene -> scene.clips().stream()).anyMatch(clip ->
                clip.state().equals("DEFERRED") && clip.error() != null && clip.error().contains("max-in-flight 2"));
    }
}
