package io.cutline.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.cutline.cli.CutlineRuntime;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.apache.camel.main.Main;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API as an attacker and a careless operator meet it: every route in the REST DSL needs a valid
 * token, a read token cannot create or retry, job creation is limited, and what the HTTP server
 * refuses before any route runs still answers in the JSON error shape. No job is started here.
 */
class ApiAccessTest {

    private static final String READ_TOKEN = "read-only-token-for-tests";
    private static final String HOOK_TOKEN = "hook-only-token-for-tests";
    private static final String SOME_JOB = "00000000-0000-0000-0000-000000000000";

    private static TestService service;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path root = TestService.newRoot("api-access");
        Path tokens = root.resolve("tokens.yaml");
        Files.writeString(tokens, "tokens:\n  - name: dashboard\n    role: read\n    sha256: "
                + HexFormat.of().formatHex(ApiTokens.digest(READ_TOKEN)) + "\n  - name: luma-hooks\n    role: hook\n    sha256: "
                + HexFormat.of().formatHex(ApiTokens.digest(HOOK_TOKEN)) + "\n");
        port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        settings.put("cutline.api.tokens-file", tokens.toString());
        settings.put("cutline.api.jobs-per-minute", "1");
        settings.put("cutline.jobs.max-unfinished", "0");
        settings.put("camel.server.max-body-size", "65536");
        service = new TestService(root, settings).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void everyRouteOfTheRestDslRefusesACallWithoutAValidToken() throws Exception {
        List<String> calls = restCalls();
        assertThat(calls).as("routes found in the REST DSL").hasSizeGreaterThanOrEqualTo(8);
        for (String call : calls.stream().filter(call -> !call.startsWith("GET /downloads/")).toList()) {
            for (Http caller : List.of(new Http(port, null), new Http(port, "not-a-token"))) {
                Http.Answer answer = caller.send(request(call));
                assertThat(answer.status()).as(call).isEqualTo(401);
                assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).as(call).hasValueSatisfying(value ->
                        assertThat(value).startsWith("Bearer realm=\"cutline\""));
                assertThat(answer.body().path("error").asText()).as(call).isNotBlank();
            }
        }
    }

    /** Downloads take a signed link instead of a token: one without a good signature gets nothing. */
    @Test
    void aDownloadWithoutASignedLinkGetsNothing() throws Exception {
        Http.Answer answer = new Http(port, null).get("/downloads/" + SOME_JOB + "/VERTICAL.mp4?expires=9999999999&signature=abc");
        assertThat(answer.status()).isIn(403, 404);
        assertThat(answer.body().path("error").asText()).isNotBlank();
        for (String climbing : List.of("/downloads/x/../../api/jobs", "/downloads/x/%2e%2e/%2e%2e/api/jobs")) {
            assertThat(new Http(port, null).get(climbing).status()).as(climbing).isIn(401, 404);
        }
    }

    @Test
    void aReadTokenReadsButCannotCreateOrRetry() throws Exception {
        Http reader = new Http(port, READ_TOKEN);
        assertThat(reader.get("/api/channels").status()).isEqualTo(200);
        assertThat(reader.get("/api/jobs").status()).isEqualTo(200);
        assertThat(reader.get("/observe/metrics").status()).isEqualTo(200);
        Http.Answer create = reader.post("/api/jobs", "{\"channel\":\"quick\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.body().path("error").asText()).contains("token 'dashboard' has role read").contains("needs operate");
        assertThat(reader.post("/api/jobs/" + SOME_JOB + "/retry", "").status()).isEqualTo(403);
        assertThat(reader.post("/hooks/luma?rk=x", "{}").status()).isEqualTo(403);
        assertThat(new Http(port, null).get("/observe/health").status()).as("health stays open").isEqualTo(200);
    }

    /** A webhook token calls webhooks only, however the path is dressed up. */
    @Test
    void aHookTokenCannotClimbOutOfTheHooks() throws Exception {
        Http hooks = new Http(port, HOOK_TOKEN);
        assertThat(hooks.get("/api/jobs").status()).isEqualTo(403);
        for (String climbing : List.of("/hooks/../api/jobs", "/hooks/%2e%2e/api/jobs", "/hooks/luma/../../api/jobs")) {
            assertThat(hooks.post(climbing, "{\"channel\":\"quick\"}").status()).as(climbing).isIn(403, 404);
            assertThat(hooks.get(climbing).status()).as(climbing).isIn(403, 404);
        }
    }

    @Test
    void jobCreationIsLimitedPerTokenAndByUnfinishedJobs() throws Exception {
        Http operator = new Http(port);
        Http.Answer full = operator.post("/api/jobs", "{\"channel\":\"quick\"}");
        assertThat(full.status()).isEqualTo(429);
        assertThat(full.body().path("error").asText()).contains("jobs are unfinished (at most 0)");
        assertThat(full.raw().headers().firstValue("Retry-After")).hasValue("60");
        Http.Answer limited = operator.post("/api/jobs", "{\"channel\":\"quick\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("error").asText()).contains("may create 1 jobs a minute");
        assertThat(limited.raw().headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(operator.get("/api/jobs?state=RUNNING").body().path("jobs")).isEmpty();
    }

    @Test
    void whatTheServerRefusesBeforeAnyRouteIsAnsweredAsJson() throws Exception {
        Http operator = new Http(port);
        Http.Answer tooBig = operator.post("/api/jobs", "{\"channel\":\"quick\",\"topic\":\"" + "x".repeat(100_000) + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body().path("error").asText()).contains("larger than the service accepts");
        Http.Answer noType = operator.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"quick\"}")));
        assertThat(noType.status()).isEqualTo(415);
        assertThat(noType.body().path("error").asText()).contains("application/json");
        Http.Answer garbage = operator.post("/api/jobs", "{\"channel\":\"quick\"} xyz");
        assertThat(garbage.status()).isEqualTo(400);
        Http.Answer nul = operator.get("/api/jobs/abc%00def");
        assertThat(nul.status()).isEqualTo(404);
        assertThat(nul.body().path("error").asText()).doesNotContain("\u0000").doesNotContainIgnoringCase("exception");
        assertThat(operator.get("/api/jobs?limit=100000").status()).isEqualTo(400);
        assertThat(operator.get("/api/jobs?state=ZOMBIE").status()).isEqualTo(400);
        Http.Answer nowhere = operator.get("/api/nowhere");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body().path("error").asText()).isNotBlank();
    }

    @Test
    void theServiceRefusesToListenBeyondThisMachineWithoutAConfiguredToken() {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        int other = TestService.freePort();
        settings.putAll(TestService.withApi(other));
        settings.put("cutline.api.token-env", "CUTLINE_NO_SUCH_VARIABLE");
        settings.put("camel.server.host", "0.0.0.0");
        settings.put("cutline.db.url", "jdbc:h2:mem:exposed");
        settings.put("cutline.api.generated-token-file", TestService.newRoot("exposed").resolve("api-token").toString());
        settings.values().removeIf(String::isEmpty);
        Main main = CutlineRuntime.main(settings);
        try {
            assertThatThrownBy(main::start).hasStackTraceContaining("camel.server.host is 0.0.0.0")
                    .hasStackTraceContaining("set CUTLINE_API_TOKEN");
        } finally {
            main.stop();
        }
    }

    /** Every verb of the REST DSL as "METHOD /path", with path parameters filled in. */
    private static List<String> restCalls() {
        var model = (org.apache.camel.model.ModelCamelContext) service.context();
        return model.getRestDefinitions().stream().flatMap(rest -> rest.getVerbs().stream().map(verb -> call(rest, verb))).toList();
    }

    private static String call(RestDefinition rest, VerbDefinition verb) {
        String path = (rest.getPath() + (verb.getPath() == null ? "" : verb.getPath())).replaceAll("\\{[^}]+}", SOME_JOB);
        return verb.asVerb().toUpperCase() + " " + path;
    }

    private static HttpRequest.Builder request(String call) {
        String[] parts = call.split(" ", 2);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + parts[1])).header("Content-Type", "application/json")
                .method(parts[0], parts[0].equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
    }
}
