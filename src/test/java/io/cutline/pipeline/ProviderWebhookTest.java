package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * Luma calls the callback URL it was given when a generation is done: the clip is fetched at the
 * poller's next tick instead of at its next poll, a minute away here.
 */
class ProviderWebhookTest {

    @Test
    void lumasCallbackCompletesClipsLongBeforeTheirNextPoll() throws Exception {
        Path root = TestService.newRoot("webhook");
        int port = TestService.freePort();
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            emulator.timing("luma", Duration.ofMillis(1500), 0);
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.putAll(TestService.withApi(port));
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "luma").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.luma.poll-interval-ms", "60000");
            // Luma cannot send headers: the callback URL carries a token (role hook would do) as access_token
            settings.put("cutline.generation.luma.callback-url", "http://127.0.0.1:" + port + "/hooks/luma?access_token=" + Http.TOKEN);
            try (TestService service = new TestService(root, settings).start()) {
                Http api = new Http(port);
                assertThat(new Http(port, null).post("/hooks/luma?rk=x", "{}").status()).as("no token").isEqualTo(401);
                assertThat(api.post("/hooks/luma", "{}").status()).as("no key").isEqualTo(400);
                assertThat(api.post("/hooks/luma?rk=no-such-clip", "{}").status()).isEqualTo(404);

                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofSeconds(40));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                int looks = service.jdbc().queryForObject("SELECT MAX(checks) FROM generation_tasks WHERE provider = 'luma'", Integer.class);
                assertThat(looks).as("each clip looked at once, when its webhook came").isLessThanOrEqualTo(1);
            }
        }
    }
}
