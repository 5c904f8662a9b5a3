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
        JobRequest request = create("{\"channel\":\"demo\",\"topic\":\"Venus\",\"idempotencyKey\":\"k\"}");
        assertThat(request).isEqualTo(new JobRequest("demo", "Venus", "k", "api"));
    }

    @Test
    void invalidBodiesAreRefusedWith400NamingTheField() {
        assertProblem(() -> create(""), 400, "\"channel\"");
        assertProblem(() -> create("{\"channel\":"), 400, "not valid JSON");
        assertProblem(() -> create("[1,2]"), 400, "array found, object expected");
        assertProblem(() -> create("{}"), 400, "channel: required property 'channel' not found");
        assertProblem(() -> create("{\"channel\":42}"), 400, "channel: integer found, string expected");
        assertProblem(() -> create("{\"channel\":\"demo\",\"topic\":\"x\"}"), 400, "topic: must be at least 3 characters");
        assertProblem(() -> create("{\"channel\":\"demo\",\"colour\":\"red\"}"), 400, "colour");
        assertProblem(() -> create("{\"channel\":\"nope\"}"), 400, "channel: no channel 'nope' (known: demo)");
    }

    @Test
    void onlyStrictJsonIsAccepted() {
        assertProblem(() -> create("{\"channel\":\"demo\"} xyz"), 400, "not valid JSON");
        assertProblem(() -> create("{\"channel\":\"demo\",\"channel\":\"other\"}"), 400, "Duplicate field 'channel'");
        assertProblem(() -> create("{\"channel\":\"demo\",\"colour\":\"red\",\"size\":3}"), 400, "colour");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\"}", "text/plain"), 415, "application/json");
        assertProblem(() -> api.createRequest("{\"channel\":\"demo\"}", null), 415, "no Content-Type");
        assertThat(api.createRequest("{\"channel\":\"demo\"}", "application/json; charset=utf-8").channel()).isEqualTo("demo");
    }

    @Test
    void oddIdsAndKeysAreRefusedWithoutEchoingThem() {
        assertProblem(() -> create("{\"channel\":\"de\\u0000mo\"}"), 400, "channel: does not match");
        assertProblem(() -> create("{\"channel\":\"demo\",\"idempotencyKey\":\"" + "k".repeat(201) + "\"}"), 400, "idempotencyKey");
        assertProblem(() -> create("{\"channel\":\"demo\",\"idempotencyKey\":\"two words\"}"), 400, "idempotencyKey");
        assertProblem(() -> create("{\"channel\":\"demo\",\"topic\":\"line\\nbreak\"}"), 400, "topic");
        assertProblem(() -> api.job("abc\u0000def"), 404, "no job 'abc?def'");
        assertProblem(() -> api.retry("../../etc/passwd"), 404, "job ids look like");
    }

    @Test
    void listParametersAreChecked() {
        assertProblem(() -> api.jobs("finished", null, null), 400, "state: must be one of RUNNING, PARKED, DONE");
        assertProblem(() -> api.jobs(null, null, "0"), 400, "limit: must be an integer from 1 to 500");
        assertProblem(() -> api.jobs(null, null, "ten"), 400, "limit");
    }

    private JobRequest create(String body) {
        return api.createRequest(body, "application/json");
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
        return new JobApi(null, null, channels, null, null, json, 10);
    }
}
