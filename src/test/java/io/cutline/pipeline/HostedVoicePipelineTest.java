package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.JobState;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A channel voiced by ElevenLabs (the emulator): rate limits are waited out as the provider's
 * Retry-After says and a 503 is retried; the job finishes with word timings from the alignment,
 * and each scene was paid for once.
 */
class HostedVoicePipelineTest {

    @Test
    void aChannelVoicedByElevenLabsRidesOutRateLimitsAndUsesItsAlignment() throws Exception {
        Path root = TestService.newRoot("elevenlabs");
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("provider: espeak", "provider: elevenlabs").replace("name: en-us", "name: 21m00Tcm4TlvDq8ikWAM"));
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 3)) {
            emulator.faults().queue("elevenlabs", new Fault(Fault.Kind.RATE_LIMIT, 0, 0.4, 0), 2);
            emulator.faults().queue("elevenlabs", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1);
            Map<String, String> settings = Map.of("cutline.channels.dir", channels.toString(),
                    "cutline.signals.dir", "src/test/resources/signals",
                    "cutline.voice.elevenlabs.base-url", emulator.baseUrl(),
                    "cutline.voice.elevenlabs.api-key-env", "CUTLINE_TEST_API_KEY");
            try (TestService service = new TestService(root, settings).start()) {
                String id = service.submit("quick");
                var job = service.awaitEnd(id, Duration.ofMinutes(3));
                JobView view = service.bean("jobViews", JobViews.class).describe(id);
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                assertThat(view.scenes()).allSatisfy(scene -> {
                    assertThat(scene.voice().provider()).isEqualTo("elevenlabs");
                    assertThat(scene.voice().path()).as("decoded from the delivered MP3").endsWith(".wav");
                    assertThat(scene.voice().words()).isEqualTo(scene.narration().split("\\s+").length);
                });
                assertThat(view.gates()).allSatisfy(gate -> assertThat(gate.passed()).as(gate.toString()).isTrue());
                var account = emulator.billing().accounts().get("elevenlabs");
                assertThat(account.billable()).as("each scene paid once").isEqualTo(view.scenes().size());
                assertThat(account.duplicates()).isZero();
                assertThat(account.requests()).isEqualTo(view.scenes().size() + 3);
            }
        }
    }
}
