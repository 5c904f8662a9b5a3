package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.job.JobRequest;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import io.cutline.support.WebhookReceiver;
import io.cutline.support.WebhookReceiver.Received;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * Webhooks out, end to end: a finished and a parked job of the quick channel send their events
 * (and a publication failing for good, as the dead-letter channel is handed it, publication.failed),
 * signed, to the service's default URL and (only the events it asks for) to the channel's own URL;
 * the first delivery is answered 500, retried after its back-off, and both attempts are in
 * {@code GET /api/webhooks/deliveries}.
 */
class WebhooksOutTest {

    private static final String SECRET = System.getenv(WebhookReceiver.SECRET_VARIABLE);

    @Test
    void jobEventsAreSignedDeliveredRetriedAndLogged() throws Exception {
        Path root = TestService.newRoot("webhooks-out");
        int port = TestService.freePort();
        try (WebhookReceiver receiver = new WebhookReceiver(1)) {
            Path channels = Files.createDirectories(root.resolve("channels"));
            Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                    + "webhooks:\n  - url: " + receiver.url("/channel") + "\n    events: [video.published]\n");
            Map<String, String> settings = new HashMap<>(TestService.quickChannel());
            settings.putAll(TestService.withApi(port));
            settings.putAll(receiver.settings("/all"));
            settings.put("cutline.channels.dir", channels.toString());
            try (TestService service = new TestService(root, settings).start()) {
                String done = service.submit("quick");
                String parked = service.submit(new JobRequest("quick", "A topic the signals know nothing about", null, "test")).job().id();
                assertThat(service.awaitEnd(parked, Duration.ofSeconds(30)).state()).isEqualTo(JobState.PARKED);
                // the dead-letter channel as a platform's route reaches it when a publication failed for good
                service.context().createProducerTemplate().send("direct:park-job", exchange -> {
                    exchange.getMessage().setHeader("jobId", parked);
                    exchange.getMessage().setHeader("platform", "youtube");
                    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("upload refused"));
                });
                Job finished = service.awaitEnd(done, Duration.ofSeconds(45));
                assertThat(finished.state()).as(finished.failureReason()).isEqualTo(JobState.DONE);

                Await.until("every event delivered", Duration.ofSeconds(15), () -> receiver.at("/all").stream()
                        .filter(request -> request.answered() == 204).count() == 5 && receiver.at("/channel").size() == 2);
                List<Received> all = receiver.at("/all");
                assertThat(all).allSatisfy(request -> {
                    assertThat(WebhookReceiver.signedCorrectly(request, SECRET)).as("signature of %s", request.signature()).isTrue();
                    assertThat(request.json().path("type").asText()).isEqualTo(request.event());
                });
                assertThat(all.stream().filter(request -> request.answered() == 204).map(Received::event).sorted())
                        .containsExactly("job.completed", "job.parked", "publication.failed", "video.published", "video.published");
                assertThat(receiver.at("/channel")).extracting(Received::event).containsOnly("video.published");
                assertThat(receiver.at("/channel")).extracting(request -> request.json().path("data").path("publication").path("platform").asText())
                        .containsExactlyInAnyOrder("youtube", "tiktok");
                assertThat(receiver.at("/channel")).allSatisfy(request -> assertThat(WebhookReceiver.signedCorrectly(request, SECRET)).isTrue());

                JsonNode parkedEvent = all.stream().filter(request -> "job.parked".equals(request.event())).findFirst().orElseThrow().json();
                assertThat(parkedEvent.path("data").path("jobId").asText()).isEqualTo(parked);
                assertThat(parkedEvent.path("data").path("failure").path("step").asText()).isEqualTo("RESEARCH");
                assertThat(parkedEvent.path("data").path("failure").path("reason").asText()).isNotBlank();
                JsonNode failedPublication = all.stream().filter(request -> "publication.failed".equals(request.event())).findFirst()
                        .orElseThrow().json().path("data");
                assertThat(failedPublication.path("jobId").asText()).isEqualTo(parked);
                assertThat(failedPublication.path("publication").path("platform").asText()).isEqualTo("youtube");
                assertThat(all.stream().filter(request -> "job.completed".equals(request.event())).findFirst().orElseThrow().json()
                        .path("data").path("jobId").asText()).isEqualTo(done);

                Received refused = all.get(0);
                assertThat(refused.answered()).isEqualTo(500);
                assertThat(all.subList(1, all.size())).as("the refused delivery sent again, same id and body")
                        .anySatisfy(again -> {
                            assertThat(again.delivery()).isEqualTo(refused.delivery());
                            assertThat(again.body()).isEqualTo(refused.body());
                            assertThat(again.answered()).isEqualTo(204);
                        });

                Http api = new Http(port);
                Http.Answer log = api.get("/api/webhooks/deliveries");
                assertThat(log.status()).isEqualTo(200);
                assertThat(log.body().path("deliveries")).hasSize(7);
                JsonNode retried = null;
                for (JsonNode delivery : log.body().path("deliveries")) {
                    assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
                    if (delivery.path("id").asText().equals(refused.delivery())) {
                        retried = delivery;
                    }
                }
                assertThat(retried).as("the refused delivery in the log").isNotNull();
                assertThat(retried.path("attempts").asInt()).isEqualTo(2);
                assertThat(retried.path("log")).extracting(attempt -> attempt.path("status").asInt()).containsExactly(500, 204);
                assertThat(api.get("/api/webhooks/deliveries?job=" + parked).body().path("deliveries")).hasSize(2);
                assertThat(api.get("/api/webhooks/deliveries?state=FAILED").body().path("deliveries")).isEmpty();
                assertThat(api.get("/api/webhooks/deliveries?state=LOST").status()).isEqualTo(400);
                assertThat(new Http(port, null).get("/api/webhooks/deliveries").status()).isEqualTo(401);
            }
        }
    }
}
