package io.cutline.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What the publishing pipeline tests watch through the API: a job reaching a state, its publication on a platform, the metrics. */
public final class JobWatch {

    private JobWatch() {
    }

    /** The job once it is in {@code state} at its {@code attempt}. */
    public static JsonNode awaitState(Http api, String id, String state, int attempt, Duration within) throws Exception {
        return Await.value("job " + id + " " + state + " at attempt " + attempt, within, Duration.ofMillis(200),
                () -> api.get("/api/jobs/" + id).body(), job -> job.path("state").asText().equals(state) && job.path("attempt").asInt() == attempt);
    }

    /** The job's publication on {@code platform} (missing when there is none). */
    public static JsonNode publication(JsonNode job, String platform) {
        for (JsonNode publication : job.path("publications")) {
            if (publication.path("platform").asText().equals(platform)) {
                return publication;
            }
        }
        return MissingNode.getInstance();
    }

    /** The Prometheus scrape. */
    public static String metrics(Http api, int port) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics")).GET()).raw().body();
    }
}
