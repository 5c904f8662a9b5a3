package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.support.Await;
import io.cutline.support.FfmpegSpy;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * One scene fails every time: after its retries the dead-letter channel parks the job with the
 * failed step and reason, visible through the API; once the fault is gone a retry through the API
 * resumes the job at that step and finishes it without redoing the scenes that were done.
 */
class ParkAndRetryTest {

    @Test
    void aPermanentlyFailingSceneParksTheJobAndARetryAfterTheFixFinishesIt() throws Exception {
        Path root = TestService.newRoot("park");
        FfmpegSpy ffmpeg = new FfmpegSpy(root, 0);
        ffmpeg.failOn("FIREFLIES");
        int port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        settings.put("cutline.tools.ffmpeg", ffmpeg.path());

        try (TestService service = new TestService(root, settings).start()) {
            Http api = new Http(port);
            Http.Answer created = api.post("/api/jobs", "{\"channel\":\"quick\"}");
            assertThat(created.status()).isEqualTo(202);
            String id = created.body().path("id").asText();
            assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/jobs/" + id);

            JsonNode parked = awaitState(api, id, "PARKED", Duration.ofMinutes(2));
            assertThat(parked.path("step").asText()).isEqualTo("GENERATION");
            JsonNode failure = parked.path("failure");
            assertThat(failure.path("step").asText()).isEqualTo("GENERATION");
            int failedScene = failure.path("scene").asInt();
            assertThat(parked.path("scenes").get(failedScene).path("narration").asText()).contains("Fireflies");
            assertThat(failure.path("reason").asText()).contains("ffmpeg failed (exit 1)").contains("injected fault");
            assertThat(parked.path("scenes").get(failedScene).path("error").asText()).contains("injected fault");
            assertThat(layer(parked, "GENERATION").path("state").asText()).isEqualTo("FAILED");
            assertThat(layer(parked, "VOICE").path("state").asText()).isEqualTo("DONE");
            List<String> doneClips = settledClips(service, id);
            assertThat(doneClips).as("scenes finished before or while the job was parked").isNotEmpty()
                    .hasSizeLessThan(parked.path("scenes").size());

            assertThat(api.post("/api/jobs/" + id + "/retry", "").status()).as("retry without the fix").isEqualTo(202);
            JsonNode parkedAgain = awaitState(api, id, "PARKED", Duration.ofMinutes(1));
            assertThat(parkedAgain.path("attempt").asInt()).isEqualTo(2);

            ffmpeg.heal();
            Http.Answer retried = api.post("/api/jobs/" + id + "/retry", "");
            assertThat(retried.status()).isEqualTo(202);
            assertThat(retried.body().path("attempt").asInt()).isEqualTo(3);
            JsonNode done = awaitState(api, id, "DONE", Duration.ofMinutes(2));
            assertThat(done.path("failure").isNull()).isTrue();
            assertThat(done.path("publications")).hasSize(2);
            for (String clip : doneClips) {
                assertThat(ffmpeg.rendersOf(clip)).as("clip %s finished before the failure", clip).isEqualTo(1);
            }

            assertThat(api.post("/api/jobs/" + id + "/retry", "").status()).as("retry of a finished job").isEqualTo(409);
            assertThat(api.post("/api/jobs/no-such-job/retry", "").status()).isEqualTo(404);
        }
    }

    /** Once renders in flight at the failure have ended: the clips that were finished. */
    private static List<String> settledClips(TestService service, String id) throws Exception {
        Await.until("no clip render running", Duration.ofSeconds(60),
                () -> service.jdbc().queryForObject("SELECT COUNT(*) FROM generation_tasks WHERE state = 'RUNNING'", Integer.class) == 0);
        return service.jdbc().queryForList("SELECT c.clip_key FROM scene_clips c JOIN generation_tasks g "
                + "ON g.content_key = c.clip_key WHERE c.job_id = ? AND g.state = 'SUCCEEDED'", String.class, id);
    }

    private static JsonNode layer(JsonNode job, String step) {
        for (JsonNode layer : job.path("layers")) {
            if (layer.path("step").asText().equals(step)) {
                return layer;
            }
        }
        throw new AssertionError("no layer " + step);
    }

    private static JsonNode awaitState(Http api, String id, String state, Duration timeout) throws Exception {
        return Await.value("job " + id + " " + state, timeout, Duration.ofMillis(100), () -> {
            Http.Answer answer = api.get("/api/jobs/" + id);
            assertThat(answer.status()).isEqualTo(200);
            return answer.body();
        }, job -> job.path("state").asText().equals(state));
    }
}
