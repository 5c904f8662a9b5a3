package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.distribution.platform.WebhookPublisher;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.model.Rendition;
import io.cutline.provider.DownloadLinks;
import io.cutline.support.Await;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import io.cutline.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The quick channel publishing through a webhook (a loopback server standing in for an n8n
 * workflow): the workflow's first answer is 500, the route tries again with the same
 * Idempotency-Key, and the job is done. The workflow then fetches the video from the link it was
 * given, with no API token: the MP4 of the ledger's render, byte for byte, which ffprobe reads as
 * the vertical rendition. A link with another signature is 403, an expired one 410, and a path that
 * reaches outside the ids is 404.
 */
class WebhookPublishingPipelineTest {

    @Test
    void aWorkflowGetsTheMetadataAfterARetryAndFetchesTheVideoByItsSignedLink() throws Exception {
        Path root = TestService.newRoot("webhook-publisher");
        int port = TestService.freePort();
        try (WebhookReceiver workflow = new WebhookReceiver(1)) {
            Map<String, String> settings = new HashMap<>(TestService.quickChannel());
            settings.putAll(TestService.withApi(port));
            settings.put("cutline.channels.dir", channels(root).toString());
            settings.put("cutline.distribution.webhook.adapter", WebhookPublisher.class.getName());
            settings.put("cutline.distribution.webhook.url", workflow.url("/webhook/cutline"));
            settings.put("cutline.webhooks.secret-env", WebhookReceiver.SECRET_VARIABLE);
            settings.put("cutline.downloads.secret-env", EmulatedProviders.KEY_VARIABLE);
            settings.put("cutline.downloads.base-url", "http://127.0.0.1:" + port);

            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String id = api.post("/api/jobs", "{\"channel\":\"quick\"}").body().path("id").asText();
                JsonNode done = Await.value("job " + id + " DONE", Duration.ofMinutes(6), Duration.ofMillis(200),
                        () -> api.get("/api/jobs/" + id).body(), job -> job.path("state").asText().equals("DONE"));
                assertThat(done.path("attempt").asInt()).as("the route's retry, not the job's").isEqualTo(1);
                assertThat(done.path("publications").get(0).path("location").asText()).isEqualTo("webhook 127.0.0.1 accepted (HTTP 204)");
                List<WebhookReceiver.Received> posts = workflow.at("/webhook/cutline");
                assertThat(posts).extracting(WebhookReceiver.Received::answered).containsExactly(500, 204);
                assertThat(posts.get(0).idempotencyKey()).isEqualTo("cutline-" + id + "-webhook").isEqualTo(posts.get(1).idempotencyKey());
                assertThat(WebhookReceiver.signedCorrectly(posts.get(1), System.getenv(WebhookReceiver.SECRET_VARIABLE))).isTrue();

                JsonNode video = posts.get(1).json().path("video");
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<byte[]> download = client.send(HttpRequest.newBuilder(URI.create(video.path("url").asText())).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(download.headers().firstValue("Content-Type")).hasValue("video/mp4");
                Path render = Path.of(service.jdbc().queryForObject("SELECT path FROM renders WHERE job_id = ? AND rendition = ?",
                        String.class, id, Rendition.VERTICAL.name()));
                assertThat(download.body()).isEqualTo(Files.readAllBytes(render));
                Path fetched = Files.write(root.resolve("fetched.mp4"), download.body());
                MediaInfo.Stream picture = service.context().getRegistry().findSingleByType(MediaProbe.class).probe(fetched).video().orElseThrow();
                assertThat(picture.width()).isEqualTo(1080);
                assertThat(picture.height()).isEqualTo(1920);
                assertThat(video.path("bytes").asLong()).isEqualTo(download.body().length);

                String base = "http://127.0.0.1:" + port + "/downloads/" + id + "/VERTICAL.mp4";
                String url = video.path("url").asText();
                assertThat(status(client, url.replaceAll("signature=[0-9a-f]{4}", "signature=0000"))).isEqualTo(403);
                DownloadLinks links = new DownloadLinks(System.getenv(EmulatedProviders.KEY_VARIABLE), "http://127.0.0.1:" + port);
                assertThat(status(client, links.link(id, "VERTICAL.mp4", Instant.now().minusSeconds(5)))).isEqualTo(410);
                assertThat(status(client, base.replace("/VERTICAL.mp4", "/..%2F..%2Fledger.mv.db") + "?expires=1&signature=x"))
                        .as("a name that climbs is no download: it needs the API token, and then names nothing").isIn(401, 404);
            }
        }
    }

    private static int status(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The quick channel publishing only through the webhook. */
    private static Path channels(Path root) throws Exception {
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("platforms: [youtube, tiktok]", "platforms: [webhook]"));
        return channels;
    }
}
