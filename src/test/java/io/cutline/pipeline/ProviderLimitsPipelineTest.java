package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /**
     * A clip waiting for the provider's one slot is sent as soon as the clip before it is in, not at
     * its own next look (a poll interval of 6 s here would leave gaps of up to 6 s between clips).
     */
    @Test
    void aClipWaitingForASlotIsSentAsSoonAsTheSlotFrees() throws Exception {
        Path root = TestService.newRoot("limits-slot");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.timing("kling", Duration.ofMillis(500), 1);
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "kling").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.kling.max-in-flight", "1");
            settings.put("cutline.generation.kling.poll-interval-ms", "6000");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(5));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                List<Map<String, Object>> clips = service.jdbc().queryForList("SELECT sent_at, updated_at FROM generation_tasks "
                        + "WHERE job_id = ? AND state = 'SUCCEEDED' ORDER BY sent_at", id);
                assertThat(clips).as("clips sent one after another").hasSizeGreaterThan(2);
                for (int i = 1; i < clips.size(); i++) {
                    Duration gap = Duration.between(instant(clips.get(i - 1).get("updated_at")), instant(clips.get(i).get("sent_at")));
                    assertThat(gap).as("from clip %d in to clip %d sent", i, i + 1).isLessThan(Duration.ofSeconds(2));
                }
                assertThat(emulator.peakInFlight().get("kling")).as("most kling tasks at once").isEqualTo(1);
            }
        }
    }

    private static java.time.Instant instant(Object timestamp) {
        return timestamp instanceof java.time.OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static boolean waiting(JobView view) {
        return view.scenes().stream().flatMap(scene -> scene.clips().stream()).anyMatch(clip ->
                clip.state().equals("DEFERRED") && clip.error() != null && clip.error().contains("max-in-flight 2"));
    }
}
