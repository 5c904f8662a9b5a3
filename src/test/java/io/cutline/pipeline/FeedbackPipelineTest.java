package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.distribution.platform.TikTokMetrics;
import io.cutline.distribution.platform.TikTokPublisher;
import io.cutline.distribution.platform.YouTubeMetrics;
import io.cutline.distribution.platform.YouTubePublisher;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The loop in the running service: a quick-channel job is given its format arm by the research
 * route, rendered and published to the emulated YouTube and TikTok (unaudited, so its post is not
 * public and has no id to measure), and the collect-metrics route (Quartz) reads the YouTube video's
 * analytics while TikTok's metrics API fails, into the performance view and the best-arm gauge.
 */
class FeedbackPipelineTest {

    @Test
    void aPublishedVideoIsMeasuredOnScheduleAndShowsInThePerformanceView() throws Exception {
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(EmulatedProviders.KEY_VARIABLE), 7)) {
            Map<String, String> settings = new HashMap<>(TestService.quickChannel());
            settings.putAll(TestService.withApi(port));
            settings.putAll(HostedSettings.emulated(emulator));
            settings.put("cutline.distribution.youtube.adapter", YouTubePublisher.class.getName());
            settings.put("cutline.distribution.tiktok.adapter", TikTokPublisher.class.getName());
            settings.put("cutline.distribution.youtube.metrics-adapter", YouTubeMetrics.class.getName());
            settings.put("cutline.distribution.tiktok.metrics-adapter", TikTokMetrics.class.getName());
            settings.put("cutline.feedback.collect-cron", "0/2 * * * * ?");
            settings.put("cutline.feedback.checkpoints-h", "0");
            emulator.faults().queue("tiktok-metrics", Fault.of(Fault.Kind.SERVER_ERROR), 1000);
            emulator.audience().truth("channel-format", 64, 1200);

            try (TestService service = new TestService(TestService.newRoot("feedback"), settings).start()) {
                Http api = new Http(port);
                String id = api.post("/api/jobs", "{\"channel\":\"quick\"}").body().path("id").asText();
                Await.value("job " + id + " done", Duration.ofMinutes(3), Duration.ofMillis(300), () -> api.get("/api/jobs/" + id).body(),
                        job -> job.path("state").asText().equals("DONE"));
                emulator.audience().video(emulator.youtube().videos().get(0).path("id").asText(), "channel-format");

                JsonNode view = Await.value("the video measured", Duration.ofSeconds(30), Duration.ofMillis(300),
                        () -> api.get("/api/channels/quick/performance").body(), body -> body.path("arms").path(0).path("videos").asInt() == 1);
                JsonNode arm = view.path("arms").path(0);
                assertThat(arm.path("arm").asText()).isEqualTo("channel-format");
                assertThat(arm.path("briefs").asInt()).isEqualTo(1);
                assertThat(arm.path("observedObjective").asDouble()).isBetween(0.4, 0.9);
                assertThat(view.path("next").path("why").asText()).isEqualTo("the only arm the channel lists");
                assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM publication_metrics WHERE platform = 'youtube'", Integer.class))
                        .isEqualTo(1);
                String gauge = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/observe/metrics"))
                        .GET()).raw().body();
                assertThat(gauge).containsPattern("cutline_feedback_best_arm_objective\\{channel=\"quick\"\\} 0\\.[5-9]");
            }
        }
    }
}
