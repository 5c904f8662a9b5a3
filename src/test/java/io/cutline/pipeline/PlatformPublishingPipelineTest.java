package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.model.Rendition;
import io.cutline.support.Await;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.HostedSettings;
import io.cutline.support.JobWatch;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The quick channel (YouTube and TikTok) publishing to the emulated platforms: the first YouTube
 * insert is refused for quota, so the job parks with the reason, the YouTube publication shows
 * FAILED with it and is counted as failed, while the TikTok post goes out (SELF_ONLY, the emulated
 * app being unaudited). A retry starts the YouTube upload, which fails after its first chunk until
 * the job parks again; the service is stopped and a new one started on the same ledger, and a retry
 * there resumes the same upload session: one video, no byte sent twice, and one TikTok post.
 */
class PlatformPublishingPipelineTest {

    @Test
    void quotaThenARestartMidUploadPublishEachPlatformOnce() throws Exception {
        Path root = TestService.newRoot("platforms");
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(EmulatedProviders.KEY_VARIABLE), 5)) {
            Map<String, String> settings = HostedSettings.publishingService(emulator, port);
            emulator.faults().queue("youtube", Fault.of(Fault.Kind.QUOTA_EXCEEDED), 1);

            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String id = api.post("/api/jobs", "{\"channel\":\"quick\"}").body().path("id").asText();

                JsonNode parked = JobWatch.awaitState(api, id, "PARKED", 1, Duration.ofMinutes(6));
                assertThat(parked.path("failure").path("step").asText()).isEqualTo("DISTRIBUTION");
                assertThat(parked.path("failure").path("reason").asText()).contains("quotaExceeded");
                JsonNode youtube = JobWatch.publication(parked, "youtube");
                assertThat(youtube.path("state").asText()).isEqualTo("FAILED");
                assertThat(youtube.path("error").asText()).contains("youtube: refused with HTTP 403: quotaExceeded");
                Await.until("TikTok's post is out", Duration.ofSeconds(30),
                        () -> JobWatch.publication(api.get("/api/jobs/" + id).body(), "tiktok").path("state").asText().equals("PUBLISHED"));
                assertThat(JobWatch.publication(api.get("/api/jobs/" + id).body(), "tiktok").path("location").asText())
                        .startsWith("tiktok:v_pub_file~").endsWith("(published, not public)");
                assertThat(emulator.youtube().videosCreated()).isZero();
                assertThat(JobWatch.metrics(api, port)).contains("cutline_publications_failed{platform=\"youtube\"} 1.0")
                        .contains("cutline_publications_failed{platform=\"tiktok\"} 0.0");

                emulator.faults().pass("youtube-upload", 1);
                emulator.faults().queue("youtube-upload", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1000);
                assertThat(api.post("/api/jobs/" + id + "/retry", "").status()).isEqualTo(202);
                JsonNode parkedAgain = JobWatch.awaitState(api, id, "PARKED", 2, Duration.ofMinutes(6));
                assertThat(JobWatch.publication(parkedAgain, "youtube").path("error").asText()).contains("HTTP 503");
                assertThat(emulator.youtube().bytesReceived()).as("one chunk in").isEqualTo(256 * 1024);
                emulator.faults().clear();
            }

            try (TestService restarted = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String id = restarted.jdbc().queryForObject("SELECT id FROM jobs", String.class);
                Http.Answer retried = api.post("/api/jobs/" + id + "/retry", "");
                assertThat(retried.status()).as("retry after the restart: %s; job %s", retried.body(), api.get("/api/jobs/" + id).body())
                        .isEqualTo(202);
                JsonNode done = JobWatch.awaitState(api, id, "DONE", 3, Duration.ofMinutes(6));
                assertThat(emulator.youtube().videosCreated()).isEqualTo(1);
                assertThat(emulator.youtube().sessionsOpened()).as("the same session resumed after the restart").isEqualTo(1);
                String videoId = emulator.youtube().videos().get(0).path("id").asText();
                Path video = Path.of(restarted.jdbc().queryForObject("SELECT path FROM renders WHERE job_id = ? AND rendition = ?",
                        String.class, id, Rendition.VERTICAL.name()));
                assertThat(emulator.youtube().bytesReceived()).as("no byte sent twice").isEqualTo(Files.size(video));
                assertThat(JobWatch.publication(done, "youtube").path("state").asText()).isEqualTo("PUBLISHED");
                assertThat(JobWatch.publication(done, "youtube").path("location").asText()).isEqualTo("https://www.youtube.com/watch?v=" + videoId);
                assertThat(emulator.youtube().thumbnailsSet(videoId)).isEqualTo(1);
                Await.until("no failed publication counted", Duration.ofSeconds(5),
                        () -> JobWatch.metrics(api, port).contains("cutline_publications_failed{platform=\"youtube\"} 0.0"));
                assertThat(emulator.tiktok().postsInitialized()).as("TikTok not posted again").isEqualTo(1);
                assertThat(emulator.tiktok().postsPublished()).isEqualTo(1);
            }
        }
    }
}
