package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.emulator.Fault;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.ManyTopics;
import io.cutline.support.Probe;
import io.cutline.support.ServiceProcess;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the service's JVM, first while a paid create request is outstanding (the
 * provider took and billed it, the reply never came back) and clips are in flight, then again
 * after the restart while clips are in flight: a third JVM on the same ledger finishes every job,
 * and Kling (which can be asked by our key) is paid once per clip.
 */
class CrashRecoveryTest {

    private static final int JOBS = 4;

    @Test
    void killedTwiceMidFlightEveryJobCompletesWithNoPaidDuplicate() throws Exception {
        Path root = TestService.newRoot("crash");
        Path log = root.resolve("service.log");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 11)) {
            emulator.timing("kling", Duration.ofMillis(2500), 1);
            emulator.faults().queue("kling", new Fault(Fault.Kind.TIMEOUT, 0, 0, 120_000), 1);
            int port = TestService.freePort();
            Map<String, String> settings = settings(root, emulator, port);

            List<String> ids = new ArrayList<>();
            try (ServiceProcess first = ServiceProcess.start(settings, port, log)) {
                for (int i = 0; i < JOBS; i++) {
                    Http.Answer created = first.api().post("/api/jobs",
                            "{\"channel\":\"quick\",\"topic\":\"" + ManyTopics.title(i) + "\"}");
                    assertThat(created.status()).as(created.raw().body()).isEqualTo(202);
                    ids.add(created.body().path("id").asText());
                }
                Await.until("3 kling clips billed, 2 in flight", Duration.ofMinutes(2), () -> emulator.billing().accounts().containsKey("kling")
                        && emulator.billing().accounts().get("kling").billable() >= 3 && emulator.inFlight() >= 2);
                first.kill();
            }
            long billedAtFirstKill = emulator.billing().accounts().get("kling").billable();

            try (ServiceProcess second = ServiceProcess.start(settings, port, log)) {
                Await.until("another kling clip billed, 1 in flight", Duration.ofMinutes(2),
                        () -> emulator.billing().accounts().get("kling").billable() > billedAtFirstKill
                        && emulator.inFlight() >= 1);
                second.kill();
            }

            try (ServiceProcess third = ServiceProcess.start(settings, port, log)) {
                Set<String> clips = new HashSet<>();
                for (String id : ids) {
                    JsonNode job = awaitEnd(third.api(), id, Duration.ofMinutes(5));
                    assertThat(job.path("state").asText()).as("job %s: %s", id, job.path("failure")).isEqualTo("DONE");
                    job.path("scenes").forEach(scene -> scene.path("clips").forEach(clip -> clips.add(clip.path("key").asText())));
                    Path render = Path.of(job.path("renders").get(0).path("path").asText());
                    JsonNode probe = Probe.ffprobe(render);
                    assertThat(Probe.stream(probe, "video").path("height").asInt()).isEqualTo(1920);
                    assertThat(Probe.duration(render)).isGreaterThan(5);
                }
                var kling = emulator.billing().accounts().get("kling");
                assertThat(kling.duplicates()).as("paid duplicates at kling").isZero();
                assertThat(kling.billable()).as("one payment per clip").isEqualTo(clips.size());
            }
        }
    }

    private static Map<String, String> settings(Path root, ProviderEmulator emulator, int port) throws Exception {
        Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
        settings.putAll(TestService.fastMedia());
        settings.put("camel.main.shutdown-timeout", "1");
        settings.putAll(TestService.withApi(port));
        settings.remove("camel.main.routes-exclude-pattern");
        settings.put("cutline.db.url", "jdbc:h2:file:" + root.resolve("ledger"));
        settings.put("cutline.media.dir", root.resolve("media").toString());
        settings.put("cutline.outbox.dir", root.resolve("outbox").toString());
        settings.put("cutline.channels.dir", HostedSettings.quickChannelOn(root, "kling").toString());
        Path signals = root.resolve("signals");
        ManyTopics.write(signals, "quick", 0, JOBS, 1);
        settings.put("cutline.signals.dir", signals.toString());
        settings.put("cutline.schedules.enabled", "false");
        settings.put("camel.main.routes-reload-enabled", "false");
        settings.put("cutline.providers.response-timeout-ms", "60000");
        settings.put("cutline.generation.kling.max-in-flight", "3");
        settings.put("cutline.generation.claim-ms", "4000");
        settings.put("cutline.jobs.lease-ms", "4000");
        settings.put("cutline.jobs.lease-renew-ms", "1000");
        settings.put("cutline.jobs.recovery-delay-ms", "0");
        settings.put("cutline.jobs.recovery-interval-ms", "1000");
        settings.put("cutline.retry.delay-ms", "100");
        return settings;
    }

    private static JsonNode awaitEnd(Http api, String id, Duration timeout) throws Exception {
        return Await.value("job " + id + " to end", timeout, Duration.ofMillis(200), () -> api.get("/api/jobs/" + id).body(),
                job -> !job.path("state").asText().equals("RUNNING"));
    }
}
