package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.distribution.platform.InstagramMetrics;
import io.cutline.distribution.platform.TikTokMetrics;
import io.cutline.distribution.platform.YouTubeMetrics;
import io.cutline.emulator.Billing;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A brief with three hook variants, spread over three platforms: the clips (fal) and the narration of
 * every scene past the opening line (ElevenLabs) are paid for once, as the emulator's bills show; each
 * variant is its own video (checked with ffprobe) with its own opening line and title, published once
 * on its own platform; and the audience's metrics for each post come back attributed to its variant in
 * the performance view, its hook style's posterior learning from it.
 */
class HookVariantsPipelineTest {

    private static final Map<String, Double> VIEWS = Map.of("question", 36_000.0, "bold-claim", 6_000.0, "number", 1_000.0);
    private static final Map<String, Double> VIEW_PERCENT = Map.of("question", 80.0, "bold-claim", 50.0, "number", 30.0);
    private static final Map<String, Pattern> VIDEO_IDS = Map.of("youtube", Pattern.compile("[?&]v=([A-Za-z0-9_-]+)"),
            "tiktok", Pattern.compile("/video/(\\d+)"), "instagram", Pattern.compile("#(\\d+)$"));

    @Test
    void threeHookVariantsShareTheirClipsAndNarrationAndArePublishedAndMeasuredEachOnItsOwn() throws Exception {
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(EmulatedProviders.KEY_VARIABLE), 11)) {
            emulator.tiktok().audited(true);
            Path root = TestService.newRoot("hook-variants");
            Path channels = HostedSettings.quickChannelOn(root, "fal");
            Path channel = channels.resolve("quick.yaml");
            Files.writeString(channel, Files.readString(channel)
                    .replace("provider: espeak", "provider: elevenlabs").replace("name: en-us", "name: 21m00Tcm4TlvDq8ikWAM")
                    .replace("platforms: [youtube, tiktok]", "platforms: [youtube, tiktok, instagram]")
                    + "testing:\n  hookStyles: [question, bold-claim, number]\n  hookVariants: {count: 3, spread: platforms}\n");
            Map<String, String> settings = new HashMap<>(HostedSettings.publishingService(emulator, port));
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.distribution.youtube.metrics-adapter", YouTubeMetrics.class.getName());
            settings.put("cutline.distribution.tiktok.metrics-adapter", TikTokMetrics.class.getName());
            settings.put("cutline.distribution.instagram.metrics-adapter", InstagramMetrics.class.getName());
            settings.put("cutline.feedback.collect-cron", "0/2 * * * * ?");
            settings.put("cutline.feedback.checkpoints-h", "0");
            settings.put("cutline.providers.response-timeout-ms", "15000");
            VIEWS.forEach((style, views) -> emulator.audience().truth("hook-" + style, VIEW_PERCENT.get(style), views));

            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String original = api.post("/api/jobs", "{\"channel\":\"quick\"}").body().path("id").asText();
                Job first = service.awaitEnd(original, Duration.ofMinutes(4));
                JobViews views = service.bean("jobViews", JobViews.class);
                JobView view = views.describe(original);
                assertThat(first.state()).as("%s", first.failureReason()).isEqualTo(JobState.DONE);
                assertThat(view.hookVariants().number()).isEqualTo(1);

                var variants = view.hookVariants().variants();
                assertThat(variants).extracting(variant -> variant.number()).containsExactly(1, 2, 3);
                assertThat(variants).extracting(variant -> variant.platform()).containsExactly("youtube", "tiktok", "instagram");
                assertThat(new HashSet<>(variants.stream().map(variant -> variant.hookStyle()).toList()))
                        .containsExactlyInAnyOrder("question", "bold-claim", "number");
                assertThat(variants.get(0).jobId()).isEqualTo(original);
                List<JobView> done = new ArrayList<>();
                for (var variant : variants) {
                    Job ended = service.awaitEnd(variant.jobId(), Duration.ofMinutes(3));
                    assertThat(ended.state()).as("variant %d: %s", variant.number(), ended.failureReason()).isEqualTo(JobState.DONE);
                    done.add(views.describe(variant.jobId()));
                }

                // each its own video: opening line and title its own, the rest the original's, clip for clip
                assertThat(done.stream().map(JobView::title).distinct()).as("titles").hasSize(3);
                assertThat(done.stream().map(job -> job.scenes().get(0).narration()).distinct()).as("opening lines").hasSize(3);
                for (JobView variant : done) {
                    assertThat(variant.scenes()).hasSameSizeAs(view.scenes());
                    for (int i = 1; i < view.scenes().size(); i++) {
                        assertThat(variant.scenes().get(i).narration()).isEqualTo(view.scenes().get(i).narration());
                        assertThat(variant.scenes().get(i).voice().path()).as("scene %d's narration, recorded once", i)
                                .isEqualTo(view.scenes().get(i).voice().path());
                    }
                    for (int i = 0; i < view.scenes().size(); i++) {
                        assertThat(variant.scenes().get(i).clips()).as("scene %d's clips", i).isEqualTo(view.scenes().get(i).clips());
                    }
                    JobView.RenderView render = variant.renders().get(0);
                    JsonNode probe = Probe.ffprobe(Path.of(render.path()));
                    assertThat(Probe.stream(probe, "video").path("height").asInt()).isEqualTo(1920);
                    assertThat(Probe.stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
                    double narration = variant.scenes().stream().mapToDouble(scene -> scene.voice().seconds()).sum();
                    assertThat(probe.path("format").path("duration").asDouble()).as("the variant runs as long as its own narration")
                            .isCloseTo(narration, offset(0.6));
                    assertThat(variant.publications()).as("variant %d's posts", variant.hookVariants().number()).singleElement()
                            .satisfies(post -> {
                                assertThat(post.platform()).isEqualTo(variants.get(variant.hookVariants().number() - 1).platform());
                                assertThat(post.state()).isEqualTo("PUBLISHED");
                            });
                }

                // paid once: every clip the original asked for, each scene's narration once and each extra opening line once
                int clips = service.jdbc().queryForObject("SELECT COUNT(DISTINCT clip_key) FROM scene_clips WHERE job_id = ?", Integer.class, original);
                Billing.Account fal = emulator.billing().accounts().get("fal");
                assertThat(fal.billable()).as("fal generations billed").isEqualTo(clips);
                assertThat(fal.duplicates()).isZero();
                Billing.Account voice = emulator.billing().accounts().get("elevenlabs");
                assertThat(voice.billable()).as("ElevenLabs syntheses billed: every scene once, and the two other opening lines")
                        .isEqualTo(view.scenes().size() + 2L);
                assertThat(voice.duplicates()).isZero();
                assertThat(emulator.youtube().videosCreated()).isEqualTo(1);
                assertThat(emulator.tiktok().postsPublished()).isEqualTo(1);
                assertThat(emulator.instagram().mediaPublished()).isEqualTo(1);

                // the audience's answer for each post, attributed to its variant
                Map<String, String> styleByJob = new HashMap<>();
                for (var variant : variants) {
                    styleByJob.put(variant.jobId(), variant.hookStyle());
                    String location = service.jdbc().queryForObject("SELECT location FROM publications WHERE job_id = ? AND platform = ?",
                            String.class, variant.jobId(), variant.platform());
                    Matcher id = VIDEO_IDS.get(variant.platform()).matcher(location);
                    assertThat(id.find()).as(location).isTrue();
                    emulator.audience().video(id.group(1), variant.arm());
                }
                JsonNode performance = Await.value("every variant measured", Duration.ofSeconds(60), Duration.ofMillis(500),
                        () -> api.get("/api/channels/quick/performance").body(),
                        body -> body.path("hookVariants").path(0).path("variants").size() == 3
                                && stream(body.path("hookVariants").path(0).path("variants")).allMatch(variant -> variant.path("views").isNumber()));
                JsonNode measured = performance.path("hookVariants").path(0);
                System.out.printf("hook variants: %d scenes, %d clips billed by fal, %d syntheses by ElevenLabs; titles %s; measured %s%n",
                        view.scenes().size(), fal.billable(), voice.billable(), done.stream().map(JobView::title).toList(), measured.path("variants"));
                assertThat(measured.path("job").asText()).isEqualTo(original);
                for (JsonNode variant : measured.path("variants")) {
                    String style = styleByJob.get(variant.path("job").asText());
                    assertThat(variant.path("hookStyle").asText()).isEqualTo(style);
                    assertThat(variant.path("views").asDouble()).as("%s's views", style).isBetween(VIEWS.get(style) / 3, VIEWS.get(style) * 3);
                    if (variant.path("platform").asText().equals("youtube")) {
                        assertThat(variant.path("observedObjective").asDouble()).as("%s's view percentage", style)
                                .isCloseTo(VIEW_PERCENT.get(style) / 100, offset(0.25));
                    }
                }
                String youtubeStyle = variants.get(0).hookStyle();
                JsonNode arm = stream(performance.path("arms")).filter(candidate -> candidate.path("arm").asText().equals("hook-" + youtubeStyle))
                        .findFirst().orElseThrow();
                assertThat(arm.path("videos").asInt()).as("the YouTube variant's hook style learned from it").isEqualTo(1);
            }
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
