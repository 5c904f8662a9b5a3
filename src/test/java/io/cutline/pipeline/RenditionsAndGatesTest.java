package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.ledger.Step;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/** Each platform gets the rendition that fits it, all from one run (small in a draft render); a failed gate stops publication. */
class RenditionsAndGatesTest {

    @Test
    void aHorizontalChannelGetsItsOwnVerticalAndSquareRenditionsEachCheckedAndPublished() throws Exception {
        Path root = TestService.newRoot("renditions");
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("format: vertical-short", "format: horizontal-long\nrenditions: [square]"));
        Map<String, String> settings = Map.of("cutline.channels.dir", channels.toString(), "cutline.signals.dir", "src/test/resources/signals");
        try (TestService service = new TestService(root, settings).start()) {
            String id = service.submit("quick");
            Job job = service.awaitEnd(id, Duration.ofMinutes(3));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).as("%s %s", job.failureReason(), view.gates()).isEqualTo(JobState.DONE);
            assertThat(view.renders()).extracting(JobView.RenderView::rendition).containsExactlyInAnyOrder("1920x1080", "1080x1920", "1080x1080");
            for (JobView.RenderView render : view.renders()) {
                JsonNode picture = Probe.stream(Probe.ffprobe(Path.of(render.path())), "video");
                assertThat(picture.path("width").asInt()).isEqualTo(render.width());
                assertThat(picture.path("height").asInt()).isEqualTo(render.height());
                assertThat(Files.exists(Path.of(render.thumbnail()))).isTrue();
            }
            assertThat(view.gates()).allSatisfy(gate -> assertThat(gate.passed()).as(gate.toString()).isTrue());
            assertThat(view.gates()).extracting(gate -> gate.rendition() + " " + gate.gate())
                    .contains("1920x1080 platform-youtube", "1080x1920 platform-tiktok", "1080x1080 captions");
            JsonNode youtube = Probe.stream(Probe.ffprobe(root.resolve("outbox/youtube/" + id + ".mp4")), "video");
            JsonNode tiktok = Probe.stream(Probe.ffprobe(root.resolve("outbox/tiktok/" + id + ".mp4")), "video");
            assertThat(youtube.path("width").asInt()).isEqualTo(1920);
            assertThat(tiktok.path("height").asInt()).isEqualTo(1920);
        }
    }

    @Test
    void aDraftRenderIsSmallButKeepsItsRenditionNameAndPassesItsPlatformGates() throws Exception {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.put("cutline.assembly.draft-short-side", "360");
        try (TestService service = new TestService(TestService.newRoot("draft"), settings).start()) {
            String id = service.submit("quick");
            Job job = service.awaitEnd(id, Duration.ofMinutes(3));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).as("%s %s", job.failureReason(), view.gates()).isEqualTo(JobState.DONE);
            assertThat(view.renders()).singleElement().satisfies(render -> {
                assertThat(render.rendition()).isEqualTo("1080x1920");
                assertThat(render.width()).isEqualTo(360);
                assertThat(render.height()).isEqualTo(640);
            });
            assertThat(view.gates()).extracting(gate -> gate.rendition() + " " + gate.gate() + " " + gate.passed())
                    .contains("1080x1920 platform-tiktok true", "1080x1920 platform-youtube true", "1080x1920 captions true");
            JsonNode tiktok = Probe.stream(Probe.ffprobe(service.root().resolve("outbox/tiktok/" + id + ".mp4")), "video");
            assertThat(tiktok.path("width").asInt()).isEqualTo(360);
            assertThat(tiktok.path("height").asInt()).isEqualTo(640);
        }
    }

    @Test
    void aFailedGateParksTheJobWithTheGateAndMeasurementAndPublishesNothing() throws Exception {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.put("cutline.assembly.loudness-lufs", "-14");
        settings.put("cutline.assembly.loudness-tolerance-lu", "0.0001");
        try (TestService service = new TestService(TestService.newRoot("gate"), settings).start()) {
            String id = service.submit("quick");
            Job job = service.awaitEnd(id, Duration.ofMinutes(3));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).isEqualTo(JobState.PARKED);
            assertThat(job.failedStep()).isEqualTo(Step.ASSEMBLY);
            assertThat(job.failureReason()).contains("quality gate 'loudness' failed for 1080x1920: measured ")
                    .contains("LUFS integrated, expected -14.0 ±0.0 LUFS");
            assertThat(view.gates()).filteredOn(gate -> gate.gate().equals("loudness")).singleElement()
                    .satisfies(gate -> assertThat(gate.passed()).isFalse());
            assertThat(view.renders()).as("nothing recorded as rendered").isEmpty();
            assertThat(view.publications()).as("nothing published").isEmpty();
            assertThat(service.root().resolve("outbox")).doesNotExist();
        }
    }
}
