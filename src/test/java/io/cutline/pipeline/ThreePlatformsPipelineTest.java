package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.HostedSettings;
import io.cutline.support.JobWatch;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A channel on YouTube, TikTok and Instagram where TikTok refuses the post (its daily cap,
 * {@code spam_risk_too_many_posts}): YouTube and Instagram are published once each, TikTok's
 * publication is FAILED with TikTok's reason, counted, and the job is listed as parked; a retry
 * publishes TikTok only.
 */
class ThreePlatformsPipelineTest {

    /** Long enough for a job on a machine shared with other builds. */
    private static final Duration WITHIN = Duration.ofMinutes(6);

    @Test
    void tikTokFailingParksTheJobAndARetryPublishesTikTokOnly() throws Exception {
        Path root = TestService.newRoot("three-platforms");
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(EmulatedProviders.KEY_VARIABLE), 7)) {
            Map<String, String> settings = HostedSettings.publishingService(emulator, port);
            settings.put("cutline.channels.dir", channels(root).toString());
            emulator.faults().queue("tiktok", Fault.of(Fault.Kind.QUOTA_EXCEEDED), 1);

            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                String id = api.post("/api/jobs", "{\"channel\":\"quick\"}").body().path("id").asText();

                JsonNode parked = JobWatch.awaitState(api, id, "PARKED", 1, WITHIN);
                assertThat(parked.path("failure").path("step").asText()).isEqualTo("DISTRIBUTION");
                Await.until("YouTube and Instagram out", Duration.ofSeconds(60), () -> {
                    JsonNode job = api.get("/api/jobs/" + id).body();
                    return JobWatch.publication(job, "youtube").path("state").asText().equals("PUBLISHED")
                            && JobWatch.publication(job, "instagram").path("state").asText().equals("PUBLISHED");
                });
                JsonNode job = api.get("/api/jobs/" + id).body();
                assertThat(JobWatch.publication(job, "tiktok").path("state").asText()).isEqualTo("FAILED");
                assertThat(JobWatch.publication(job, "tiktok").path("error").asText()).contains("spam_risk_too_many_posts");
                assertThat(JobWatch.publication(job, "instagram").path("location").asText()).startsWith("https://www.instagram.com/reel/");
                assertThat(api.get("/api/jobs?state=PARKED").body().toString()).contains(id);
                assertThat(JobWatch.metrics(api, port)).contains("cutline_publications_failed{platform=\"tiktok\"} 1.0")
                        .contains("cutline_publications_failed{platform=\"instagram\"} 0.0");
                assertThat(emulator.youtube().videosCreated()).isEqualTo(1);
                assertThat(emulator.instagram().mediaPublished()).isEqualTo(1);
                assertThat(emulator.tiktok().postsInitialized()).isZero();

                assertThat(api.post("/api/jobs/" + id + "/retry", "").status()).isEqualTo(202);
                JsonNode done = JobWatch.awaitState(api, id, "DONE", 2, WITHIN);
                assertThat(JobWatch.publication(done, "tiktok").path("state").asText()).isEqualTo("PUBLISHED");
                assertThat(emulator.tiktok().postsPublished()).isEqualTo(1);
                assertThat(emulator.youtube().videosCreated()).as("YouTube not posted again").isEqualTo(1);
                assertThat(emulator.youtube().sessionsOpened()).isEqualTo(1);
                assertThat(emulator.instagram().containersCreated()).as("Instagram not posted again").isEqualTo(1);
                assertThat(emulator.instagram().mediaPublished()).isEqualTo(1);
            }
        }
    }

    /** The quick channel on all three platforms. */
    private static Path channels(Path root) throws Exception {
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("platforms: [youtube, tiktok]", "platforms: [youtube, tiktok, instagram]"));
        return channels;
    }
}
