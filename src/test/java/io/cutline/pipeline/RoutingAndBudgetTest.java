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
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import io.cutline.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The router sends each scene by its style down the channel's chain, keeps a video within its
 * channel's budget by falling back down the chain, and parks when nothing fits.
 */
class RoutingAndBudgetTest {

    @Test
    void scenesThatWouldPassThePerVideoBudgetGoToTheCheaperFallback() throws Exception {
        Path root = TestService.newRoot("budget");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannel(root,
                    "generation:\n  provider: kling\n  fallback: [local]\n", 3.0, 100).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.concurrency", "4");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                JobView view = service.bean("jobViews", JobViews.class).describe(id);
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                assertThat(view.scenes()).extracting(scene -> scene.plan().provider()).contains("kling", "local");
                assertThat(view.cost().usd()).as("within the per-video budget").isLessThanOrEqualTo(3.0).isGreaterThan(0);
                assertThat(emulator.billing().accounts().get("kling").billable())
                        .isEqualTo(view.scenes().stream().filter(scene -> scene.plan().provider().equals("kling")).count());
            }
        }
    }

    @Test
    void heroScenesGoToTheChannelsGeneratorAndBrollScenesToItsFootageLibrary() throws Exception {
        Path root = TestService.newRoot("styles");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannel(root,
                    "generation:\n  provider: kling\n  styles:\n    broll: [footage]\n", 100, 1000).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                JobView view = service.bean("jobViews", JobViews.class).describe(id);
                assertThat(view.scenes().get(0).style()).isEqualTo("hero");
                assertThat(view.scenes().get(0).plan().provider()).isEqualTo("kling");
                assertThat(view.scenes().subList(1, view.scenes().size())).allSatisfy(scene -> {
                    assertThat(scene.style()).isEqualTo("broll");
                    assertThat(scene.clips()).allSatisfy(clip -> assertThat(clip.provider()).isEqualTo("footage"));
                });
                assertThat(emulator.billing().accounts().get("kling").billable()).isEqualTo(view.scenes().get(0).clips().size());
                Path render = Path.of(view.renders().get(0).path());
                assertThat(Probe.stream(Probe.ffprobe(render), "video").path("height").asInt()).isEqualTo(1920);
            }
        }
    }

    @Test
    void theHeroScenesFirstClipStartsFromTheChannelsOpeningImage() throws Exception {
        Path root = TestService.newRoot("opening-image");
        Path image = root.resolve("opening.png");
        Probe.run(java.util.List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=teal:s=96x96",
                "-frames:v", "1", image.toString()));
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            Path channels = HostedSettings.quickChannelOn(root, "veo");
            Path channel = channels.resolve("quick.yaml");
            java.nio.file.Files.writeString(channel, java.nio.file.Files.readString(channel)
                    .replace("  visual: clean bright abstract motion", "  visual: clean bright abstract motion\n  openingImage: " + image));
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.config.dir", root.toString());
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                var requests = service.jdbc().queryForList("SELECT g.request FROM scene_clips c JOIN generation_requests g "
                        + "ON g.content_key = c.clip_key WHERE c.job_id = ? ORDER BY c.scene_index, c.part", String.class, id);
                assertThat(requests.get(0)).as("the hero scene's first clip").contains("\"firstFrame\"").contains(image.toString());
                assertThat(requests.subList(1, requests.size())).allSatisfy(request -> assertThat(request).doesNotContain("firstFrame"));
            }
        }
    }

    /** The job parks, and integrators hear of it: job.parked and budget.exceeded go out as webhooks. */
    @Test
    void aJobThatNoProviderCanAffordParksWithTheReason() throws Exception {
        Path root = TestService.newRoot("budget-park");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5);
             WebhookReceiver receiver = new WebhookReceiver(0)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannel(root, "generation:\n  provider: kling\n", 0.5, 100).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.putAll(receiver.settings("/events"));
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(2));
                assertThat(job.state()).isEqualTo(JobState.PARKED);
                assertThat(job.failureReason()).contains("no provider can generate scene")
                        .containsPattern("kling: \\$(1\\.40|2\\.80) more would pass the per-video budget of \\$0\\.50");
                assertThat(emulator.billing().accounts()).doesNotContainKey("kling");
                Await.until("job.parked and budget.exceeded delivered", Duration.ofSeconds(15), () -> receiver.received().size() == 2);
                assertThat(receiver.received()).extracting(WebhookReceiver.Received::event)
                        .containsExactlyInAnyOrder("job.parked", "budget.exceeded");
                assertThat(receiver.received()).allSatisfy(event -> {
                    assertThat(event.json().path("data").path("jobId").asText()).isEqualTo(id);
                    assertThat(event.json().path("data").path("failure").path("reason").asText()).contains("per-video budget");
                });
            }
        }
    }
}
