package io.cutline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for the service's REST API in tests. */
public final class Http {

    /** {@code body}: the JSON answer, or null when the answer is empty or not JSON. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    /** The token the test services accept (an operate token; see {@link TestService#withApi}). */
    public static final String TOKEN = System.getenv(TestService.TOKEN_VARIABLE);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** A client that sends the test services' token. */
    public Http(int port) {
        this(port, TOKEN);
    }

    /** A client that sends {@code token} (none when null). */
    public Http(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request, for tests of what the API refuses. */
    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        JsonNode body = response.body().isBlank() || !json ? null : new ObjectMapper().readTree(response.body());
        return new Answer(response.statusCode(), body, response);
    }
}
