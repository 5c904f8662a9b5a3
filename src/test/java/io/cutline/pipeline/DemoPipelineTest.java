package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/** The demo channel end to end, on the embedded defaults, checked with ffprobe and by looking at frames. */
class DemoPipelineTest {

    @Test
    void demoChannelProducesACaptionedVerticalVideoAndOneOutboxEntryPerPlatform() throws Exception {
        // the demo channel as shipped; only the x264 preset is a faster one that still writes H.264 High
        Map<String, String> settings = Map.of("cutline.assembly.preset", TestService.HIGH_PROFILE_PRESET);
        try (TestService service = new TestService(TestService.newRoot("demo"), settings).start()) {
            String jobId = service.submit("demo");
            Job job = service.awaitEnd(jobId, Duration.ofMinutes(4));
            JobView view = service.bean("jobViews", JobViews.class).describe(jobId);
            assertThat(job.state()).as("job %s: %s", jobId, job.failureReason()).isEqualTo(JobState.DONE);

            Path video = Path.of(view.renders().get(0).path());
            JsonNode probe = Probe.ffprobe(video);
            JsonNode picture = Probe.stream(probe, "video");
            JsonNode sound = Probe.stream(probe, "audio");
            assertThat(picture.path("codec_name").asText()).isEqualTo("h264");
            assertThat(picture.path("profile").asText()).isEqualTo("High");
            assertThat(picture.path("pix_fmt").asText()).isEqualTo("yuv420p");
            assertThat(picture.path("width").asInt()).isEqualTo(1080);
            assertThat(picture.path("height").asInt()).isEqualTo(1920);
            assertThat(sound.path("codec_name").asText()).isEqualTo("aac");
            assertThat(sound.path("sample_rate").asInt()).isEqualTo(48000);

            double narration = 0;
            for (JobView.SceneView scene : view.scenes()) {
                narration += Probe.duration(Path.of(scene.voice().path()));
            }
            assertThat(view.scenes()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(narration, within(0.2));

            assertCaptionsBurnedIn(view, video);

            for (String platform : List.of("youtube", "tiktok", "instagram")) {
                Path rendition = service.root().resolve("outbox").resolve(platform).resolve(jobId + ".mp4");
                Path metadata = service.root().resolve("outbox").resolve(platform).resolve(jobId + ".json");
                assertThat(Probe.duration(rendition)).isCloseTo(narration, within(0.2));
                JsonNode sidecar = new ObjectMapper().readTree(metadata.toFile());
                assertThat(sidecar.path("title").asText()).isEqualTo(view.title());
                assertThat(sidecar.path("description").asText()).isNotBlank();
                assertThat(sidecar.path("hashtags")).isNotEmpty();
                assertThat(sidecar.path("platform").asText()).isEqualTo(platform);
            }
            try (var files = Files.list(service.root().resolve("outbox"))) {
                assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("youtube", "tiktok", "instagram");
            }
        }
    }

    /**
     * In the middle of the second scene a caption is on screen: the caption band of the final frame
     * differs from the same frame of the scene's clip (conformed the same way), the top of the frame does not.
     */
    private static void assertCaptionsBurnedIn(JobView view, Path video) throws Exception {
        JobView.SceneView first = view.scenes().get(0);
        JobView.SceneView second = view.scenes().get(1);
        double offset = second.voice().seconds() / 2;
        double at = first.voice().seconds() + offset;
        byte[] rendered = Probe.grayFrame(video, at, null, 1080, 1920);
        byte[] source = Probe.grayFrame(Path.of(second.clips().get(0).path()), second.plan().leadSeconds() + offset,
                "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920", 1080, 1920);
        int captionBottom = 1920 - Math.round(1920 * 0.22f);
        double captionBand = Probe.meanDifference(rendered, source, 1080, captionBottom - 110, captionBottom);
        double topBand = Probe.meanDifference(rendered, source, 1080, 0, 300);
        assertThat(captionBand).as("caption band differs from the clip").isGreaterThan(topBand + 6);
        assertThat(topBand).as("picture outside the captions matches the clip").isLessThan(6);
    }
}
