package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.distribution.PublicationDesk;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import io.cutline.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * A horizontal channel that asks for shorts: the job publishes its long video and, cut from it at scene
 * bounds, each short as a vertical video of its own with its own captions and title, through the same
 * gates, once per platform the shorts go to.
 */
class ShortsPipelineTest {

    private static final int SHORTS = 3;

    @Test
    void aHorizontalJobWithThreeShortsPublishesTheVideoAndThreeVerticalShortsEachCheckedAndPublishedOnce() throws Exception {
        Path root = TestService.newRoot("shorts");
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("format: vertical-short", "format: horizontal-long\nshorts: {count: " + SHORTS + ", reframe: crop, platforms: [youtube, tiktok]}")
                .replace("platforms: [youtube, tiktok]\nstyle", "platforms: [youtube]\nstyle")
                .replace("wordsPerMinute: 260", "wordsPerMinute: 200")
                .replace("targetSeconds: 8", "targetSeconds: 40"));
        Path signals = Files.createDirectories(root.resolve("signals"));
        Files.writeString(signals.resolve("quick.yaml"), """
                topics:
                  - title: Seven quick facts about light
                    score: 0.9
                    facts:
                      - Sunlight takes about eight minutes to reach the Earth.
                      - Fireflies make cold light with almost no wasted heat.
                      - Rainbows are circles, but the ground hides the lower half.
                      - Light slows down when it passes through water or glass.
                      - The sky looks blue because air scatters blue light most.
                      - Some deep sea fish make their own light to hunt.
                      - A laser beam keeps its colour over very long distances.
                """);
        Map<String, String> settings = new HashMap<>(Map.of("cutline.channels.dir", channels.toString(), "cutline.signals.dir", signals.toString(),
                "cutline.shorts.min-seconds", "6", "cutline.shorts.max-seconds", "10"));
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            settings.putAll(receiver.settings("/events"));
            publishesTheVideoAndItsShorts(root, settings, receiver);
        }
    }

    private static void publishesTheVideoAndItsShorts(Path root, Map<String, String> settings, WebhookReceiver receiver) throws Exception {
        try (TestService service = new TestService(root, settings).start()) {
            String id = service.submit("quick");
            Job job = service.awaitEnd(id, Duration.ofMinutes(3));
            JobView view = service.bean("jobViews", JobViews.class).describe(id);
            assertThat(job.state()).as("%s %s", job.failureReason(), view.shorts()).isEqualTo(JobState.DONE);

            assertThat(Probe.stream(Probe.ffprobe(root.resolve("outbox/youtube/" + id + ".mp4")), "video").path("width").asInt()).isEqualTo(1920);
            assertThat(view.publications()).extracting(JobView.PublicationView::platform).containsExactly("youtube");

            assertThat(view.shorts().asked()).isEqualTo(SHORTS);
            assertThat(view.shorts().shortfall()).isNull();
            List<JobView.ShortView> shorts = view.shorts().cuts();
            assertThat(shorts).extracting(JobView.ShortView::number).containsExactly(1, 2, 3);
            for (JobView.ShortView cut : shorts) {
                assertThat(cut.state()).isEqualTo("RENDERED");
                assertThat(cut.seconds()).isBetween(6.0, 10.0);
                assertThat(cut.startSeconds()).as("starts where its first scene starts").isCloseTo(narrationBefore(view, cut.firstScene()),
                        offset(1e-6));
                assertThat(cut.endSeconds()).as("ends where its last scene ends").isCloseTo(narrationBefore(view, cut.lastScene() + 1),
                        offset(1e-6));
                JsonNode probe = Probe.ffprobe(Path.of(cut.path()));
                JsonNode picture = Probe.stream(probe, "video");
                assertThat(picture.path("width").asInt()).isEqualTo(1080);
                assertThat(picture.path("height").asInt()).isEqualTo(1920);
                assertThat(Probe.stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
                assertThat(probe.path("format").path("duration").asDouble()).as("short %d lasts its window", cut.number())
                        .isCloseTo(cut.seconds(), offset(0.1));
                assertThat(cut.gates()).extracting(JobView.GateView::gate).contains("scene-sync", "black-frames", "frozen-frames", "loudness",
                        "true-peak", "captions", "platform-youtube", "platform-tiktok");
                assertThat(cut.gates()).allSatisfy(gate -> assertThat(gate.passed()).as(gate.toString()).isTrue());
                assertThat(cut.publications()).extracting(JobView.PublicationView::platform, JobView.PublicationView::state)
                        .containsExactly(tuple("tiktok", "PUBLISHED"),
                                tuple("youtube", "PUBLISHED"));
                for (String platform : List.of("youtube", "tiktok")) {
                    Path posted = root.resolve("outbox/" + platform + "/" + id + "-short-" + cut.number() + ".mp4");
                    assertThat(Probe.stream(Probe.ffprobe(posted), "video").path("height").asInt()).isEqualTo(1920);
                    JsonNode sidecar = new ObjectMapper().readTree(root.resolve("outbox/" + platform + "/" + id + "-short-" + cut.number() + ".json")
                            .toFile());
                    assertThat(sidecar.path("title").asText()).isEqualTo(view.title() + " (part " + cut.number() + ")");
                    assertThat(sidecar.path("shortNumber").asInt()).isEqualTo(cut.number());
                }
            }
            for (int i = 1; i < shorts.size(); i++) {
                assertThat(shorts.get(i).firstScene()).as("no two shorts share a scene").isGreaterThan(shorts.get(i - 1).lastScene());
            }
            assertThat(shorts.get(0).firstScene()).as("the hook opens the first short").isZero();

            // the API's description of the job (read as OpenAPI 3.0, as OpenApiContractTest explains) holds for a job with shorts
            OpenApiInteractionValidator description = OpenApiInteractionValidator.createForInlineApiSpecification(
                    Files.readString(Path.of("src/main/resources/openapi.json")).replace("\"openapi\": \"3.1.0\"", "\"openapi\": \"3.0.3\"")).build();
            ValidationReport answer = description.validateResponse("/api/jobs/" + id, Request.Method.GET, SimpleResponse.Builder.ok()
                    .withContentType("application/json").withBody(service.bean("json", ObjectMapper.class).writeValueAsString(view)).build());
            assertThat(answer.getMessages()).as("the job view against openapi.json").isEmpty();

            assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM publications WHERE job_id = ?", Integer.class, id))
                    .as("the video once, each short once per platform").isEqualTo(1 + SHORTS * 2);
            Path first = root.resolve("outbox/tiktok/" + id + "-short-1.mp4");
            long postedAt = Files.getLastModifiedTime(first).toMillis();
            assertThat(service.bean("publicationDesk", PublicationDesk.class).reconcile(id, "tiktok", 1))
                    .as("a repeated attempt finds the short out and publishes nothing").isFalse();
            assertThat(Files.getLastModifiedTime(first).toMillis()).isEqualTo(postedAt);

            Await.until("a video.published event for the video and for each short on each platform", Duration.ofSeconds(15),
                    () -> receiver.at("/events").stream().filter(event -> "video.published".equals(event.event())).count() == 1 + SHORTS * 2);
            assertThat(receiver.at("/events").stream().filter(event -> "video.published".equals(event.event()))
                    .map(event -> event.json().path("data").path("publication"))
                    .map(publication -> publication.path("platform").asText() + "/" + publication.path("short").asInt(0) + "/"
                            + publication.path("state").asText()))
                    .containsExactlyInAnyOrder("youtube/0/PUBLISHED", "youtube/1/PUBLISHED", "tiktok/1/PUBLISHED", "youtube/2/PUBLISHED",
                            "tiktok/2/PUBLISHED", "youtube/3/PUBLISHED", "tiktok/3/PUBLISHED");
        }
    }

    /** Where scene {@code index} starts on the video's time line: the narration of the scenes before it. */
    private static double narrationBefore(JobView view, int index) {
        return view.scenes().stream().filter(scene -> scene.index() < index).mapToDouble(scene -> scene.voice().seconds()).sum();
    }
}
