package io.cutline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.cutline.job.JobRequest;
import io.cutline.ledger.JobState;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description served at {@code /api/openapi.json} is true of the live service: requests
 * and answers of the API's calls (successes and errors) are validated against it as they happen.
 */
class OpenApiContractTest {

    @Test
    void liveRequestsAndAnswersMatchTheServedDescription() throws Exception {
        int port = TestService.freePort();
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        try (TestService service = new TestService(TestService.newRoot("openapi"), settings).start()) {
            Http api = new Http(port);
            Http.Answer served = api.get("/api/openapi.json");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body().path("openapi").asText()).isEqualTo("3.1.0");
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(asRead(served.raw().body())).build();
            // refused for what only the service knows (no such channel, a date that does not parse)
            Exchanges exchanges = new Exchanges(api, validator, java.util.Set.of("/api/jobs {\"channel\":\"nope\"}",
                    "/api/costs?since=yesterday null"));

            String parked = service.submit(new JobRequest("quick", "A topic the signals know nothing about", null, "test")).job().id();
            assertThat(service.awaitEnd(parked, Duration.ofSeconds(30)).state()).isEqualTo(JobState.PARKED);

            Http.Answer created = exchanges.post("/api/jobs", "{\"channel\":\"quick\",\"topic\":\"Another unknown topic\",\"idempotencyKey\":\"contract-1\"}", 202);
            assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/jobs/" + created.body().path("id").asText());
            exchanges.post("/api/jobs", "{\"channel\":\"quick\",\"colour\":\"red\"}", 400);
            exchanges.post("/api/jobs", "{\"channel\":\"nope\"}", 400);
            exchanges.get("/api/jobs/" + parked, 200);
            exchanges.get("/api/jobs/00000000-0000-0000-0000-000000000000", 404);
            exchanges.get("/api/jobs?state=PARKED&limit=5", 200);
            exchanges.get("/api/jobs?limit=0", 400);
            exchanges.get("/api/channels", 200);
            exchanges.get("/api/channels/quick/performance", 200);
            exchanges.get("/api/channels/nope/performance", 404);
            exchanges.post("/api/channels/quick/learning/freeze", "", 200);
            exchanges.post("/api/channels/quick/learning/thaw", "", 200);
            exchanges.post("/api/channels/quick/learning/reset", "", 200);
            exchanges.get("/api/costs?since=2026-01-01", 200);
            exchanges.get("/api/costs?since=yesterday", 400);
            exchanges.get("/api/webhooks/deliveries?state=PENDING", 200);
            exchanges.get("/api/jobs/" + parked + "/renders/vertical-1080/video", 404);
            exchanges.get("/api/jobs/" + parked + "/renders/vertical-1080/thumbnail", 404);
            exchanges.get("/api/jobs/" + parked + "/clips/no-such-clip", 404);
            exchanges.post("/api/jobs/" + parked + "/retry", "", 202);
            exchanges.get("/observe/health", 200);

            Http.Answer refused = new Http(port, null).get("/api/jobs");
            assertThat(refused.status()).isEqualTo(401);
            ValidationReport report = validator.validateResponse("/api/jobs", Request.Method.GET, response(refused));
            assertThat(report.getMessages()).as("401 without a token").isEmpty();
        }
    }

    /**
     * Sends a request, checks its status, and validates the answer against the description, and the
     * request too: one the service accepts must be valid there, one it refuses as invalid (400) must
     * be invalid there as well, unless the reason is something only the service knows.
     */
    private record Exchanges(Http api, OpenApiInteractionValidator validator, java.util.Set<String> invalidOnlyToTheService) {

        Http.Answer get(String pathAndQuery, int status) throws Exception {
            return check("GET", pathAndQuery, null, status, api.get(pathAndQuery));
        }

        Http.Answer post(String pathAndQuery, String body, int status) throws Exception {
            return check("POST", pathAndQuery, body, status, api.post(pathAndQuery, body));
        }

        private Http.Answer check(String method, String pathAndQuery, String body, int status, Http.Answer answer) {
            assertThat(answer.status()).as(method + " " + pathAndQuery + ": " + answer.raw().body()).isEqualTo(status);
            URI uri = URI.create(pathAndQuery);
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath())
                    .withAuthorization("Bearer " + Http.TOKEN);
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] parts = pair.split("=", 2);
                    request.withQueryParam(parts[0], parts.length == 2 ? parts[1] : "");
                }
            }
            if (body != null && !body.isEmpty()) {
                request.withContentType("application/json").withBody(body);
            }
            SimpleRequest sent = request.build();
            ValidationReport answered = validator.validateResponse(sent.getPath(), sent.getMethod(), response(answer));
            assertThat(answered.getMessages()).as(method + " " + pathAndQuery + ": answer against the description; answered "
                    + answer.raw().body()).isEmpty();
            ValidationReport asked = validator.validateRequest(sent);
            if (status < 400 || status == 404) {
                assertThat(asked.getMessages()).as(method + " " + pathAndQuery + ": request against the description").isEmpty();
            } else if (!invalidOnlyToTheService.contains(pathAndQuery + " " + body)) {
                assertThat(asked.hasErrors()).as(method + " " + pathAndQuery + ": refused by the service, so by the description too").isTrue();
            }
            return answer;
        }
    }

    /**
     * The served description as swagger-request-validator 2.44 can check it. It implements OpenAPI 3.0
     * (a draft-04 schema engine that reads each schema's single {@code type}); given a 3.1 document it
     * sees no type at all and parses every path and query parameter as JSON. The description uses
     * only what reads the same in both versions (one type per schema, null as {@code anyOf} with
     * {@code {"type": "null"}}, which draft-04 knows), so it is checked with its version line read as 3.0.
     */
    private static String asRead(String description) {
        assertThat(description).contains("\"openapi\": \"3.1.0\"").doesNotContain("\"type\": [");
        return description.replace("\"openapi\": \"3.1.0\"", "\"openapi\": \"3.0.3\"");
    }

    /**
     * The answer as the validator reads it: status, content type and body (the headers the description
     * names, Location and the like, are checked by the test itself).
     */
    private static SimpleResponse response(Http.Answer answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.raw().body());
        answer.raw().headers().firstValue("Content-Type").ifPresent(response::withContentType);
        return response.build();
    }
}
