package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.ledger.JobState;
import io.cutline.support.Mp4Boxes;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import io.cutline.timing.TimingPlan;
import org.junit.jupiter.api.Test;

/**
 * Narration from 1.5 s to 14 s per scene, clips only 4, 6 or 8 s long: the planner holds, slows and
 * splits; the render passes every quality gate; and measurements taken here, independently of the
 * service, agree: H.264 High/yuv420p + AAC 48 kHz with faststart, picture as long as the narration
 * to the frame, −14 LUFS ±1 and true peak at most −1 dBTP. One scene's narration is full of quotes,
 * colons, backslashes, braces, an emoji and right-to-left text; its captions render all the same.
 */
class TimingAwareAssemblyTest {

    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[\\d.]+) LUFS");
    private static final Pattern PEAK = Pattern.compile("True peak:\\s+Peak:\\s+(-?[\\d.]+) dBFS");

    @Test
    void mismatchedNarrationLengthsRenderWithEveryGatePassing() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("cutline.channels.dir", "src/test/resources/channels",
                "cutline.signals.dir", "src/test/resources/signals", "cutline.generation.local.durations", "4,6,8",
                "cutline.assembly.preset", TestService.HIGH_PROFILE_PRESET));
        // the longest scene (16 s) needs three 8 s clips: the writing rules let a scene span that many here
        settings.put("cutline.writer.clips-per-scene", "3");
        try (TestService service = new TestService(TestService.newRoot("timing"), settings).start()) {
            String id = service.submit("timing");
            var job = service.awaitEnd(id, Duration.ofMinutes(5));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).as("%s; gates %s", job.failureReason(), view.gates()).isEqualTo(JobState.DONE);

            List<Double> narration = view.scenes().stream().map(scene -> scene.voice().seconds()).toList();
            assertThat(narration.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isBetween(1.2, 2.0);
            assertThat(narration.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isBetween(12.0, 16.0);
            assertThat(view.scenes()).extracting(scene -> scene.plan().kind())
                    .contains(TimingPlan.Kind.SINGLE, TimingPlan.Kind.HOLD, TimingPlan.Kind.SLOW, TimingPlan.Kind.SPLIT);
            for (JobView.SceneView scene : view.scenes()) {
                assertThat(scene.clips()).hasSize(scene.plan().clips().size());
                scene.plan().clips().forEach(clip -> assertThat(clip.seconds()).isIn(4.0, 6.0, 8.0));
            }
            assertThat(view.gates()).isNotEmpty().allSatisfy(gate -> assertThat(gate.passed()).as(gate.toString()).isTrue());
            assertThat(view.gates()).extracting(JobView.GateView::gate).contains("scene-sync", "black-frames", "frozen-frames",
                    "loudness", "true-peak", "captions", "platform-youtube", "platform-tiktok");

            Path video = Path.of(view.renders().get(0).path());
            JsonNode probe = Probe.ffprobe(video);
            JsonNode picture = Probe.stream(probe, "video");
            JsonNode sound = Probe.stream(probe, "audio");
            assertThat(picture.path("codec_name").asText()).isEqualTo("h264");
            assertThat(picture.path("profile").asText()).isEqualTo("High");
            assertThat(picture.path("pix_fmt").asText()).isEqualTo("yuv420p");
            assertThat(sound.path("codec_name").asText()).isEqualTo("aac");
            assertThat(sound.path("sample_rate").asInt()).isEqualTo(48000);
            List<String> boxes = Mp4Boxes.topLevel(video);
            assertThat(boxes.indexOf("moov")).as("faststart: %s", boxes).isLessThan(boxes.indexOf("mdat"));

            double total = narration.stream().mapToDouble(Double::doubleValue).sum();
            double frame = 1.0 / 30;
            assertThat(picture.path("duration").asDouble()).isCloseTo(total, within(frame));
            assertThat(sound.path("duration").asDouble()).isCloseTo(picture.path("duration").asDouble(), within(frame));

            String ebur128 = Probe.run(List.of("sh", "-c", "ffmpeg -nostdin -hide_banner -nostats -i '" + video
                    + "' -vn -af ebur128=peak=true -f null - 2>&1"));
            String summary = ebur128.substring(ebur128.lastIndexOf("Summary:"));
            Matcher integrated = INTEGRATED.matcher(summary);
            Matcher peak = PEAK.matcher(summary);
            assertThat(integrated.find() && peak.find()).as(summary).isTrue();
            assertThat(Double.parseDouble(integrated.group(1))).isCloseTo(-14.0, within(1.0));
            assertThat(Double.parseDouble(peak.group(1))).isLessThanOrEqualTo(-1.0);

            Path captions = service.root().resolve("media").resolve("jobs").resolve(id).resolve("work").resolve("captions-1080x1920.ass");
            assertThat(Files.readString(captions)).contains("C:\\\u200Btemp\\\u200B\\{new\\}", "🚀", "שלום", "\"");
            assertThat(Files.exists(Path.of(view.renders().get(0).thumbnail()))).isTrue();
        }
    }
}
