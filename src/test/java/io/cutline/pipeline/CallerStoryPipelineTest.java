package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.ledger.JobState;
import io.cutline.ledger.LearningLedger;
import io.cutline.support.Http;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose caller wrote the story (POST /api/jobs with a storyboard, or with a brief): no signals,
 * no format arm and no writer call where the caller wrote; the video is made of the caller's scenes,
 * in the caller's words, and a repeated request gets the same job without writing its story twice.
 */
class CallerStoryPipelineTest {

    private static final List<String> LINES = List.of(
            "Light from the Sun takes eight minutes to reach your eyes.",
            "So every sunset you watch has already happened.",
            "Look up, and you see the past.");

    private static final String STORYBOARD = """
            {"channel":"quick","idempotencyKey":"caller-story-1","storyboard":{"title":"Sunlight is eight minutes old",
             "description":"Why every sunset is a look into the past.","hashtags":["#light","#sun"],"scenes":[
              {"narration":"%s","visualPrompt":"a slow sunrise over a calm sea","style":"hero"},
              {"narration":"%s","visualPrompt":"an orange sun sinking behind hills"},
              {"narration":"%s","visualPrompt":"a starry sky seen from a dark field"}]}}
            """.formatted(LINES.get(0), LINES.get(1), LINES.get(2));

    private static final String BRIEF = """
            {"channel":"quick","brief":{"topic":"Why the sky is blue","angle":"the air scatters blue light most",
             "hook":"The sky is not blue. The air makes it so.",
             "beats":["Sunlight holds every colour.","Air scatters the short blue waves far more than red.",
                      "So blue reaches you from every part of the sky."],
             "callToAction":"Follow for more light.","keywords":["sky","light"],"sources":[],"targetSeconds":8}}
            """;

    @Test
    void aCallersStoryboardAndACallersBriefBecomeVideosWithoutResearch() throws Exception {
        int port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        try (TestService service = new TestService(TestService.newRoot("caller-story"), settings).start()) {
            Http api = new Http(port);
            Http.Answer created = api.post("/api/jobs", STORYBOARD);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
            String storyboarded = created.body().path("id").asText();
            Http.Answer briefed = api.post("/api/jobs", BRIEF);
            assertThat(briefed.status()).as(briefed.body().toString()).isEqualTo(202);
            String briefedId = briefed.body().path("id").asText();

            assertThat(service.awaitEnd(storyboarded, Duration.ofMinutes(3)).state()).isEqualTo(JobState.DONE);
            JobViews views = service.bean("jobViews", JobViews.class);
            JobView view = views.describe(storyboarded);
            assertThat(view.scenes()).extracting(JobView.SceneView::narration).containsExactlyElementsOf(LINES);
            assertThat(view.scenes().get(0).style()).isEqualTo("hero");
            assertThat(view.title()).isEqualTo("Sunlight is eight minutes old");
            assertThat(view.topicChoice()).as("no topic was chosen from signals").isNull();
            assertThat(view.writerCalls()).as("no writer was asked").isEmpty();
            assertThat(writers(service, storyboarded)).containsExactly("caller", "caller");
            assertThat(service.bean("learningLedger", LearningLedger.class).arm(storyboarded)).as("no format arm").isEmpty();

            double narration = 0;
            for (JobView.SceneView scene : view.scenes()) {
                narration += Probe.duration(Path.of(scene.voice().path()));
            }
            assertThat(view.renders()).isNotEmpty();
            for (JobView.RenderView render : view.renders()) {
                JsonNode probe = Probe.ffprobe(Path.of(render.path()));
                assertThat(Probe.stream(probe, "video").path("width").asInt()).isEqualTo(render.width());
                assertThat(Probe.stream(probe, "video").path("height").asInt()).isEqualTo(render.height());
                assertThat(Probe.stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
                assertThat(Probe.duration(Path.of(render.path()))).as("the caller's three lines, spoken").isCloseTo(narration, within(0.3));
            }

            Http.Answer repeated = api.post("/api/jobs", STORYBOARD);
            assertThat(repeated.status()).isEqualTo(202);
            assertThat(repeated.body().path("id").asText()).isEqualTo(storyboarded);
            assertThat(repeated.body().path("created").asBoolean()).isFalse();
            assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM storyboards WHERE job_id = ?", Integer.class, storyboarded))
                    .isEqualTo(1);

            assertThat(service.awaitEnd(briefedId, Duration.ofMinutes(3)).state()).isEqualTo(JobState.DONE);
            JobView fromBrief = views.describe(briefedId);
            assertThat(fromBrief.topic()).isEqualTo("Why the sky is blue");
            assertThat(fromBrief.topicChoice()).isNull();
            assertThat(writers(service, briefedId)).as("the channel's writer wrote the scenes from the caller's brief")
                    .containsExactly("caller", "template");
            assertThat(String.join(" ", fromBrief.scenes().stream().map(JobView.SceneView::narration).toList()))
                    .contains("The sky is not blue.");
        }
    }

    /** Who wrote the job's brief, then its storyboard. */
    private static List<String> writers(TestService service, String jobId) {
        return service.jdbc().queryForList("SELECT writer FROM briefs WHERE job_id = ? UNION ALL SELECT writer FROM storyboards "
                + "WHERE job_id = ?", String.class, jobId, jobId);
    }
}
