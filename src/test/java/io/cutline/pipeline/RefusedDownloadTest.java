package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A provider that hands out a media URL Cutline will not fetch from (here plain http on loopback,
 * with the emulator's allowance off): the clip fails with the reason, the job stops with it, and the
 * clip is not ordered again.
 */
class RefusedDownloadTest {

    @Test
    void aClipAtARefusedUrlFailsWithTheReasonAndIsNotPaidForTwice() throws Exception {
        Path root = TestService.newRoot("refused-download");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 7)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.providers.downloads.allow-loopback", "false");
            settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "fal").toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                Job job = service.awaitEnd(id, Duration.ofMinutes(2));
                assertThat(job.state().name()).isIn("PARKED", "FAILED");
                assertThat(job.failureReason()).contains("fal: download refused: only https downloads are allowed, not http://127.0.0.1");
                long clips = service.jdbc().queryForObject("SELECT COUNT(*) FROM generation_tasks WHERE provider = 'fal'", Long.class);
                assertThat(emulator.billing().accounts().get("fal").billable()).as("each clip ordered once").isEqualTo(clips);
            }
        }
    }
}
