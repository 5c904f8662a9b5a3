package io.cutline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.Step;
import io.cutline.support.MutableClock;
import io.cutline.support.ShippedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The posting time as a format arm: a job given {@code post-1830} on a channel in Europe/Berlin goes
 * out at the next 18:30 there, on every platform. YouTube (publish-ahead) is uploaded at once with it
 * as its publish time; TikTok waits for it and is released when it comes. A job without one follows
 * the channel (no slots: at once).
 */
class PostingTimesTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
    private LedgerDatabase database;
    private JobLedger jobs;
    private LearningLedger learning;
    private ReadyQueue queue;
    private PublishingSlots slots;

    @BeforeEach
    void open() throws Exception {
        database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        jobs = new JobLedger(database.jdbc(), clock, "node-a", Duration.ofMinutes(5));
        learning = new LearningLedger(database.jdbc(), database.transactions(), clock);
        queue = new ReadyQueue(database.jdbc(), database.transactions(), clock, "node-a", Duration.ofMinutes(5));
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("timeZone: UTC", "timeZone: Europe/Berlin") + "testing:\n  postingTimes: [\"09:00\", \"18:30\"]\n");
        ChannelRegistry registry = ShippedConfig.channels(channels, Path.of("src/test/resources/signals"), new ObjectMapper());
        assertThat(registry.reload()).isEmpty();
        slots = new PublishingSlots(jobs, registry, queue, learning, Set.of("youtube"), clock);
    }

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void aJobWithAPostingTimeGoesOutThenOnEveryPlatform() {
        String job = finished("post-1830");
        Instant halfPastSixInBerlin = Instant.parse("2026-12-03T17:30:00Z");

        assertThat(slots.due(job, "youtube")).as("YouTube is given the time to publish at").isTrue();
        assertThat(queue.slotOf(job, "youtube")).hasValueSatisfying(at -> assertThat(at.toInstant()).isEqualTo(halfPastSixInBerlin));
        assertThat(slots.due(job, "tiktok")).as("TikTok waits for it").isFalse();
        assertThat(queue.settle(job)).isEqualTo(ReadyQueue.Outcome.WAITING);

        clock.advance(Duration.ofHours(5));
        assertThat(slots.releaseDue()).as("at 18:00 in Berlin, not yet").isEmpty();
        clock.advance(Duration.ofMinutes(31));
        assertThat(slots.releaseDue()).containsExactly(job);
        assertThat(slots.due(job, "tiktok")).as("its time has come").isTrue();
    }

    @Test
    void aJobWithoutAPostingTimeFollowsTheChannel() {
        String job = finished("channel-format");
        assertThat(slots.due(job, "tiktok")).isTrue();
        assertThat(queue.forJob(job)).isEmpty();
    }

    /** A job at DISTRIBUTION given {@code arm}. */
    private String finished(String arm) {
        String id = jobs.create("quick", null, null, "api").job().id();
        learning.chooseArm(id, "quick", arm, "given by the test");
        for (Step step = Step.RESEARCH; step != Step.DISTRIBUTION; step = step.next()) {
            assertThat(jobs.advance(id, step)).isTrue();
        }
        return id;
    }
}
