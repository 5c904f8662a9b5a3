package io.cutline.api;

import io.cutline.support.ShippedConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.job.JobRequest;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class JobApiTest {

    private final JobApi api = api();

    @Test
    void aValidBodyBecomesARequest() {
        JobRequest request = api.createRequest("{\"channel\":\"demo\",\"topic\":\"Venus\",\"idempotencyKey\":\"k\"}");
        assertThat(request).isEqualTo(new JobRequest("demo", "Venus", "k", "api"));
    }

    @Test
    void invalidBodiesAreRefusedWith400NamingTheField() {
        assertProblem(() -> api.createRequest(""), 400, "\"channel\"");
        assertProblem(() -> api.createRequest("{\"channel\":"), 400, "not valid JSON");
        assertProblem(() -> api.createRequest("[1,2]"), 400, "array found, object expected");
        assertProblem(() -> api.createRequest("{}"), 400, "channel: required property 'channel' not found");
        assertProblem(() -> api.createRequest("{\"channel\":42}"), 400, "channel: integer found, string expected");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\",\"topic\":\"x\"}"), 400, "topic: must be at least 3 characters");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(() -> api.createRequest("{\"channel\":\"nope\"}"), 400, "channel: no channel 'nope' (known: demo)");
    }

    @Test
    void listParametersAreChecked() {
        assertProblem(() -> api.jobs("finished", null, null), 400, "state: must be one of RUNNING, PARKED, DONE");
        assertProblem(() -> api.jobs(null, null, "0"), 400, "limit: must be an integer from 1 to 500");
        assertProblem(() -> api.jobs(null, null, "ten"), 400, "limit");
    }

    private static void assertProblem(ThrowableAssert.ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatus()).isEqualTo(status);
            assertThat(problem.getMessage()).contains(message);
        });
    }

    private static JobApi api() {
        ObjectMapper json = new ObjectMapper();
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), json);
        channels.reload();
        return new JobApi(null, null, channels, null, json);
    }
}
