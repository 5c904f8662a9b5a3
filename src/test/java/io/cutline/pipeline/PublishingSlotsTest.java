package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.distribution.platform.TikTokPublisher;
import io.cutline.distribution.platform.YouTubePublisher;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.ManyTopics;
import io.cutline.support.Postgres;
import io.cutline.support.ServiceProcess;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Publishing slots, the quick channel publishing to the emulator: a finished video waits in the ready
 * queue for a TikTok slot and goes out at it, never before, once; YouTube (which takes a time to publish
 * at) gets it uploaded ahead, private, with its slot as {@code publishAt}. A {@code kill -9} between slots
 * and a restart lose nothing and publish nothing twice, and the slots missed while the service was
 * down fire once, late, not once each.
 */
class PublishingSlotsTest {

    @Test
    void aReadyVideoWaitsForItsSlotAndIsPublishedAtItOnceAndYouTubeIsUploadedAheadToGoPublicAtItsSlot() throws Exception {
        publishesAtItsSlots(TestService.newRoot("slots"), Map.of());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
    void theSameOnAPostgresLedgerWithTheSlotsInItsQuartzTables() throws Exception {
        publishesAtItsSlots(TestService.newRoot("slots-postgres"),
                Map.of("cutline.db.url", Postgres.freshDatabase(), "cutline.db.user", "cutline"));
    }

    /** One video of the quick channel, on the ledger {@code database} names, with a TikTok slot every 15 s and a YouTube slot at noon. */
    private static void publishesAtItsSlots(Path root, Map<String, String> database) throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 11)) {
            Map<String, String> settings = settings(root, emulator, "    tiktok: [\"0/15 * * * * ?\"]\n    youtube: [\"0 12 * * *\"]\n");
            settings.putAll(database);
            try (TestService service = new TestService(root, settings).start()) {
                String jobId = service.submit("quick");
                Job job = service.awaitEnd(jobId, Duration.ofMinutes(4));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
                JdbcTemplate ledger = service.jdbc();

                Instant readyAt = instant(ledger.queryForObject("SELECT ready_at FROM ready_videos WHERE job_id = ? AND platform = 'tiktok'",
                        Object.class, jobId));
                Instant slotAt = slotOf(ledger, jobId, "tiktok");
                Instant published = publishedAt(ledger, jobId, "tiktok");
                assertThat(slotAt.toEpochMilli() % 15_000).as("a slot of the cron: %s", slotAt).isZero();
                assertThat(slotAt).as("the slot came after the video was ready").isAfter(readyAt);
                assertThat(published).as("published at its slot, not before").isAfterOrEqualTo(slotAt);
                assertThat(emulator.tiktok().postsPublished()).as("one TikTok post").isEqualTo(1);

                // YouTube takes a time to publish at: the video is uploaded now, private, to go public at its slot
                Instant youtubeSlot = slotOf(ledger, jobId, "youtube");
                Instant noon = readyAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
                assertThat(youtubeSlot).as("the next noon, the slot in 5-field cron").isEqualTo(noon.isAfter(readyAt) ? noon
                        : noon.plus(Duration.ofDays(1)));
                assertThat(publishedAt(ledger, jobId, "youtube")).as("uploaded ahead of its slot").isBefore(youtubeSlot);
                assertThat(emulator.youtube().videosCreated()).as("one YouTube upload").isEqualTo(1);
                JsonNode status = emulator.youtube().videos().get(0).path("status");
                assertThat(status.path("privacyStatus").asText()).isEqualTo("private");
                assertThat(Instant.parse(status.path("publishAt").asText())).isEqualTo(youtubeSlot);
                assertThat(ledger.queryForList("SELECT trigger_name FROM qrtz_cron_triggers", String.class))
                        .as("the slots' triggers, in the ledger's database").containsExactlyInAnyOrder("quick/tiktok/0", "quick/youtube/0");
            }
        }
    }

    @Test
    void aKillBetweenSlotsLosesNothingPublishesNothingTwiceAndTheSlotsMissedWhileDownFireOnce() throws Exception {
        Path root = TestService.newRoot("slots-kill");
        Path log = root.resolve("service.log");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 11)) {
            int port = TestService.freePort();
            // no TikTok slot until all three videos wait: then the slots come every ten seconds
            Map<String, String> settings = settings(root, emulator, "    tiktok: [\"0 0 0 1 1 ? 2099\"]\n");
            settings.putAll(TestService.withApi(port));
            settings.remove("camel.main.routes-exclude-pattern");
            settings.put("camel.main.routes-reload-enabled", "false");
            settings.put("camel.main.shutdown-timeout", "1");
            Path signals = root.resolve("signals");
            ManyTopics.write(signals, "quick", 0, 3, 1);
            settings.put("cutline.signals.dir", signals.toString());
            Path channel = Path.of(settings.get("cutline.channels.dir")).resolve("quick.yaml");

            List<String> ids = new ArrayList<>();
            Instant killedAt;
            try (ServiceProcess first = ServiceProcess.start(settings, port, log)) {
                for (int i = 0; i < 3; i++) {
                    var created = first.api().post("/api/jobs", "{\"channel\":\"quick\",\"topic\":\"" + ManyTopics.title(i) + "\"}");
                    assertThat(created.status()).as(created.raw().body()).isEqualTo(202);
                    ids.add(created.body().path("id").asText());
                    // one after the other, so the queue's order is the order they were asked for
                    awaitState(first, ids.get(i), "WAITING");
                }
                JsonNode waiting = first.api().get("/api/jobs/" + ids.get(0)).body();
                assertThat(waiting.path("step").asText()).isEqualTo("DISTRIBUTION");
                assertThat(emulator.tiktok().postsPublished()).as("nothing published before a slot").isZero();
                assertThat(emulator.youtube().videosCreated()).as("YouTube has no slots").isEqualTo(3);

                Files.writeString(channel, Files.readString(channel).replace("0 0 0 1 1 ? 2099", "0/10 * * * * ?"));
                awaitState(first, ids.get(0), "DONE");
                first.kill();
                killedAt = Instant.now();
            }
            assertThat(emulator.tiktok().postsPublished()).as("the first slot published the oldest video").isEqualTo(1);

            Thread.sleep(Duration.ofSeconds(25).toMillis());
            Instant restartedAt = Instant.now();
            try (ServiceProcess second = ServiceProcess.start(settings, port, log)) {
                awaitState(second, ids.get(1), "DONE");
                awaitState(second, ids.get(2), "DONE");
                second.terminate(Duration.ofSeconds(60));
            }

            assertThat(emulator.tiktok().postsPublished()).as("each video posted once").isEqualTo(3);
            assertThat(emulator.youtube().videosCreated()).as("no YouTube upload again").isEqualTo(3);
            JdbcTemplate ledger = ledgerOf(root);
            List<Instant> slots = ledger.queryForList("SELECT slot_at FROM ready_videos WHERE platform = 'tiktok' ORDER BY ready_at",
                    Object.class).stream().map(PublishingSlotsTest::instant).toList();
            assertThat(slots).as("oldest first, one video a slot").hasSize(3).isSorted().doesNotHaveDuplicates();
            assertThat(slots).as("no slot missed while down was filled on its own time")
                    .noneMatch(slot -> slot.isAfter(killedAt) && slot.isBefore(restartedAt));
            assertThat(slots.get(1)).as("the missed slots fired once, late, when the service was back")
                    .isAfter(restartedAt).matches(slot -> slot.toEpochMilli() % 10_000 != 0, "not on one of the cron's times");
            assertThat(slots.get(2).toEpochMilli() % 10_000).as("then the slots keep their times").isZero();
        }
    }

    /** The quick channel publishing to the emulator, with the publishing slots {@code slots} (YAML, one platform a line). */
    private static Map<String, String> settings(Path root, ProviderEmulator emulator, String slots) throws Exception {
        Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
        settings.putAll(TestService.fastMedia());
        settings.put("cutline.distribution.youtube.adapter", YouTubePublisher.class.getName());
        settings.put("cutline.distribution.tiktok.adapter", TikTokPublisher.class.getName());
        settings.put("cutline.db.url", "jdbc:h2:file:" + root.resolve("ledger"));
        settings.put("cutline.media.dir", root.resolve("media").toString());
        settings.put("cutline.outbox.dir", root.resolve("outbox").toString());
        settings.put("cutline.signals.dir", "src/test/resources/signals");
        settings.put("cutline.schedules.enabled", "false");
        settings.put("cutline.slots.misfire-threshold-ms", "2000");
        settings.put("cutline.channels.settle-ms", "200");
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                + "publishing:\n  slots:\n" + slots);
        settings.put("cutline.channels.dir", channels.toString());
        return settings;
    }

    private static void awaitState(ServiceProcess service, String jobId, String state) throws Exception {
        JsonNode job = Await.value("job " + jobId + " " + state, Duration.ofMinutes(4), Duration.ofMillis(200),
                () -> service.api().get("/api/jobs/" + jobId).body(),
                view -> view.path("state").asText().equals(state) || view.path("state").asText().equals("PARKED"));
        assertThat(job.path("state").asText()).as(job.path("failure").toString()).isEqualTo(state);
    }

    private static Instant slotOf(JdbcTemplate ledger, String jobId, String platform) {
        return instant(ledger.queryForObject("SELECT slot_at FROM ready_videos WHERE job_id = ? AND platform = ?", Object.class, jobId, platform));
    }

    private static Instant publishedAt(JdbcTemplate ledger, String jobId, String platform) {
        return instant(ledger.queryForObject("SELECT published_at FROM publications WHERE job_id = ? AND platform = ?", Object.class, jobId,
                platform));
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static JdbcTemplate ledgerOf(Path root) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:async:" + root.resolve("ledger").toAbsolutePath(), "cutline", ""));
    }
}
