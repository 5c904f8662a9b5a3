package io.cutline.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.Http;
import io.cutline.support.ManyTopics;
import io.cutline.support.ServiceProcess;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM in the middle of paid generation, and again in the middle of assembly: each time the
 * service stops within its shutdown timeout, parks nothing, gives up its leases (so the next start
 * takes the jobs at once, long before a lease would lapse), and the last start finishes every job
 * with each clip paid for once.
 */
class GracefulShutdownTest {

    private static final int JOBS = 2;
    private static final Duration SHUTDOWN = Duration.ofSeconds(8);

    @Test
    void sigtermMidGenerationAndMidAssemblyLosesAndPaysNothingTwice() throws Exception {
        Path root = TestService.newRoot("sigterm");
        Path log = root.resolve("service.log");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 13)) {
            emulator.timing("kling", Duration.ofMillis(3000), 1);
            int port = TestService.freePort();
            Map<String, String> settings = settings(root, emulator, port);
            List<String> ids = new ArrayList<>();

            try (ServiceProcess first = ServiceProcess.start(settings, port, log)) {
                for (int i = 0; i < JOBS; i++) {
                    ids.add(first.api().post("/api/jobs", "{\"channel\":\"quick\",\"topic\":\"" + ManyTopics.title(i) + "\"}")
                            .body().path("id").asText());
                }
                Await.until("clips in flight at kling", Duration.ofMinutes(2), () -> emulator.inFlight() >= 2);
                assertThat(first.terminate(SHUTDOWN.plusSeconds(20))).isLessThan(SHUTDOWN.plusSeconds(10));
            }
            assertStoppedCleanly(root, "mid-generation");

            try (ServiceProcess second = ServiceProcess.start(settings, port, log)) {
                Await.until("a job assembling", Duration.ofMinutes(3), Duration.ofMillis(200), () -> anyAt(second.api(), ids, "ASSEMBLY"));
                assertThat(second.terminate(SHUTDOWN.plusSeconds(20))).isLessThan(SHUTDOWN.plusSeconds(10));
            }
            assertStoppedCleanly(root, "mid-assembly");

            try (ServiceProcess third = ServiceProcess.start(settings, port, log)) {
                Set<String> clips = new HashSet<>();
                for (String id : ids) {
                    Await.until("job " + id + " ends", Duration.ofMinutes(4), Duration.ofMillis(500),
                            () -> !state(third.api(), id).equals("RUNNING"));
                    JsonNode job = third.api().get("/api/jobs/" + id).body();
                    assertThat(job.path("state").asText()).as("job %s: %s", id, job.path("failure")).isEqualTo("DONE");
                    job.path("scenes").forEach(scene -> scene.path("clips").forEach(clip -> clips.add(clip.path("key").asText())));
                }
                var kling = emulator.billing().accounts().get("kling");
                assertThat(kling.duplicates()).as("paid duplicates").isZero();
                assertThat(kling.billable()).as("one payment per clip").isEqualTo(clips.size());
            }
        }
    }

    /** Nothing parked, no lease or claim left behind by the stopped service. */
    private static void assertStoppedCleanly(Path root, String when) {
        try (SingleConnectionDataSource ledger = new SingleConnectionDataSource(
                "jdbc:h2:file:async:" + root.resolve("ledger") + ";WRITE_DELAY=0", "cutline", "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(ledger);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE state = 'PARKED'", Integer.class)).as("parked " + when).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE lease_owner IS NOT NULL", Integer.class))
                    .as("leases kept " + when).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM generation_tasks WHERE claim_owner IS NOT NULL", Integer.class))
                    .as("claims kept " + when).isZero();
        }
    }

    private static boolean anyAt(Http api, List<String> ids, String step) throws Exception {
        for (String id : ids) {
            if (api.get("/api/jobs/" + id).body().path("step").asText().equals(step)) {
                return true;
            }
        }
        return false;
    }

    private static String state(Http api, String id) throws Exception {
        return api.get("/api/jobs/" + id).body().path("state").asText();
    }

    private static Map<String, String> settings(Path root, ProviderEmulator emulator, int port) throws Exception {
        Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
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
        settings.put("camel.main.shutdown-timeout", String.valueOf(SHUTDOWN.toSeconds()));
        settings.put("cutline.providers.response-timeout-ms", "30000");
        // leases long enough that only their release lets the next start take the jobs in time
        settings.put("cutline.jobs.lease-ms", "600000");
        settings.put("cutline.jobs.recovery-delay-ms", "0");
        settings.put("cutline.jobs.recovery-interval-ms", "1000");
        settings.put("cutline.retry.delay-ms", "100");
        return settings;
    }
}
