package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.DownloadLinks;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook publisher against a workflow's webhook (a loopback server standing in for n8n): the
 * metadata and download links, signed so that an HMAC computed here matches; the same
 * Idempotency-Key on every attempt; 5xx and 429 are errors the route retries, another 4xx is a
 * failure quoting the workflow's answer.
 */
class WebhookPublisherContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(31,
            Map.of("cutline.distribution.webhook.adapter", WebhookPublisher.class.getName()));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the workflow answers next: status and body (then 200 {"location": ...}). */
    private final ConcurrentLinkedDeque<Map.Entry<Integer, String>> answers = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();
    private HttpServer workflow;

    @TempDir
    Path dir;

    private record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(entry -> entry.getValue().get(0)).orElse(null);
        }
    }

    @BeforeEach
    void startWorkflow() throws Exception {
        workflow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        workflow.createContext("/webhook/cutline", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Map.Entry<Integer, String> answer = answers.isEmpty() ? Map.entry(200, "{\"location\":\"https://n8n.example/executions/7\"}")
                    : answers.poll();
            byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (answer.getKey() == 429) {
                exchange.getResponseHeaders().add("Retry-After", "3");
            }
            exchange.sendResponseHeaders(answer.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        workflow.start();
    }

    @AfterEach
    void stopWorkflow() {
        workflow.stop(0);
    }

    @Test
    void postsTheMetadataAndSignedLinksSignedAsCutlineWebhooks() throws Exception {
        String job = UUID.randomUUID().toString();
        String location = publisher().publish(render(job, true), metadata(job), new MemoryUploadSession(() -> 0));

        assertThat(location).isEqualTo("https://n8n.example/executions/7");
        Received request = received.getLast();
        assertThat(request.header("Idempotency-Key")).isEqualTo("cutline-" + job + "-webhook");
        assertThat(WebhookReceiver.signedCorrectly(new WebhookReceiver.Received("/webhook/cutline", null, null,
                request.header("Cutline-Signature"), request.body(), 200, null), System.getenv(EmulatedProviders.KEY_VARIABLE)))
                .as("HMAC-SHA256 of '<t>.<body>' with the secret, as receivers check it").isTrue();

        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("jobId").asText()).isEqualTo(job);
        assertThat(body.path("title").asText()).isEqualTo("Why light bends");
        assertThat(body.path("hashtags").toString()).isEqualTo("[\"#light\",\"#optics\"]");
        assertThat(body.path("video").path("bytes").asLong()).isEqualTo(4096);
        URI video = URI.create(body.path("video").path("url").asText());
        assertThat(video.getScheme() + "://" + video.getAuthority() + video.getPath()).isEqualTo("http://cutline.test:8080/downloads/" + job + "/VERTICAL.mp4");
        Map<String, String> query = query(video);
        DownloadLinks links = new DownloadLinks(System.getenv(EmulatedProviders.KEY_VARIABLE), null);
        assertThat(links.signed(job, "VERTICAL.mp4", Long.parseLong(query.get("expires")), query.get("signature"))).isTrue();
        assertThat(links.signed(job, "VERTICAL.jpg", Long.parseLong(query.get("expires")), query.get("signature")))
                .as("a link opens only its own file").isFalse();
        assertThat(links.signed(job, "VERTICAL.mp4", Long.parseLong(query.get("expires")) + 1, query.get("signature")))
                .as("nor for longer").isFalse();
        assertThat(body.path("thumbnail").path("url").asText()).contains("/downloads/" + job + "/VERTICAL.jpg?expires=");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyKey() throws Exception {
        String job = UUID.randomUUID().toString();
        answers.add(Map.entry(503, "{\"message\":\"workflow busy\"}"));
        Render render = render(job, false);
        assertThatThrownBy(() -> publisher().publish(render, metadata(job), new MemoryUploadSession(() -> 0)))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(publisher().publish(render, metadata(job), new MemoryUploadSession(() -> 0))).isEqualTo("https://n8n.example/executions/7");
        assertThat(received).hasSize(2);
        assertThat(received.getFirst().header("Idempotency-Key")).isEqualTo(received.getLast().header("Idempotency-Key"));
        assertThat(JSON.readTree(received.getLast().body()).has("thumbnail")).as("no thumbnail, no link").isFalse();
    }

    @Test
    void aRateLimitHonoursRetryAfter() throws Exception {
        String job = UUID.randomUUID().toString();
        answers.add(Map.entry(429, "{\"message\":\"too many executions\"}"));
        assertThatThrownBy(() -> publisher().publish(render(job, false), metadata(job), new MemoryUploadSession(() -> 0)))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("retry after 3000 ms");
    }

    @Test
    void aRefusalIsAFailureQuotingTheWorkflow() throws Exception {
        String job = UUID.randomUUID().toString();
        answers.add(Map.entry(400, "{\"message\":\"title missing in workflow mapping\"}"));
        assertThatThrownBy(() -> publisher().publish(render(job, false), metadata(job), new MemoryUploadSession(() -> 0)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("webhook: refused with HTTP 400: title missing in workflow mapping");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedAtStart() {
        assertThatThrownBy(() -> PROVIDERS.adapter("cutline.distribution", "webhook", Publisher.class, Map.of("url", "file:///etc/passwd")))
                .hasStackTraceContaining("cutline.distribution.webhook.url must be an http:// or https:// URL, got 'file:///etc/passwd'");
    }

    private Publisher publisher() {
        String key = EmulatedProviders.KEY_VARIABLE;
        return PROVIDERS.adapter("cutline.distribution", "webhook", Publisher.class, Map.of("url", "http://127.0.0.1:"
                + workflow.getAddress().getPort() + "/webhook/cutline", "secret-env", key, "download-secret-env", key,
                "download-base-url", "http://cutline.test:8080/", "link-valid-s", "600"));
    }

    private Render render(String job, boolean thumbnail) throws Exception {
        Path video = Files.write(dir.resolve(job + ".mp4"), new byte[4096]);
        Path image = thumbnail ? Files.write(dir.resolve(job + ".jpg"), new byte[16]) : null;
        return new Render(job, "VERTICAL", video.toString(), 1080, 1920, 30.0, image == null ? null : image.toString());
    }

    private static PostMetadata metadata(String job) {
        return new PostMetadata(job, "quick", "webhook", "en", "Why light bends", "Three reasons.", List.of("#light", "#optics"), 30.0, 1080,
                1920, true, null, 0);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
