package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ready queue of the publishing slots: each slot takes the oldest waiting video, once, however
 * often it is delivered, passing over parked jobs; a job waits without a lease and is released by its
 * slot; a slot that comes during the job's own pass sends it round again; a reservation ahead takes
 * the next free slot.
 */
class ReadyQueueTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private LedgerDatabase database;
    private JobLedger jobs;
    private PublicationLedger publications;

    @BeforeEach
    void open() {
        database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
        jobs = new JobLedger(database.jdbc(), Clock.systemUTC(), "node-a", Duration.ofMinutes(1));
        publications = new PublicationLedger(database.jdbc(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void eachSlotTakesTheOldestWaitingVideoOnceAndReleasesItsJob() {
        String older = finished();
        String newer = finished();
        ReadyQueue queue = queuedForTikTok(older, newer);
        queue.enqueue(older, "demo", "tiktok");

        assertThat(queue.settle(older)).isEqualTo(ReadyQueue.Outcome.WAITING);
        assertThat(queue.settle(newer)).isEqualTo(ReadyQueue.Outcome.WAITING);
        assertThat(jobs.require(older).state()).isEqualTo(JobState.WAITING);
        assertThat(jobs.claimOrphans()).as("a job waiting for its slot is no orphan").isEmpty();
        assertThat(queue.waiting()).extracting(ReadyQueue.Waiting::jobId).containsExactly(older, newer);

        Instant slot = START.plus(1, ChronoUnit.MINUTES);
        assertThat(queue.fill("demo", "tiktok", slot)).as("the oldest first").contains(older);
        assertThat(queue.fill("demo", "tiktok", slot)).as("the same slot delivered again").isEmpty();
        assertThat(queue.fill("demo", "youtube", slot)).as("another platform's slot: nothing waits there").isEmpty();
        assertThat(jobs.isAt(older, Step.DISTRIBUTION)).as("released to this node").isTrue();
        assertThat(jobs.require(newer).state()).isEqualTo(JobState.WAITING);
        assertThat(queue.slotOf(older, "tiktok")).contains(slot.atOffset(ZoneOffset.UTC));
        assertThat(queue.slotOf(newer, "tiktok")).isEmpty();

        assertThat(queue.settle(older)).as("taken but not out yet").isEqualTo(ReadyQueue.Outcome.SLOT_DUE);
        publications.begin(older, "tiktok", Publication.LONG_VIDEO);
        publications.succeed(older, "tiktok", Publication.LONG_VIDEO, "https://example.invalid/1");
        assertThat(queue.settle(older)).isEqualTo(ReadyQueue.Outcome.PUBLISHED);

        assertThat(queue.fill("demo", "tiktok", slot.plus(1, ChronoUnit.MINUTES))).contains(newer);
        assertThat(queue.fill("demo", "tiktok", slot.plus(2, ChronoUnit.MINUTES))).as("nothing left waiting").isEmpty();
    }

    @Test
    void aParkedJobsVideoTakesNoSlot() {
        String parked = finished();
        String next = finished();
        ReadyQueue queue = queuedForTikTok(parked, next);
        assertThat(queue.settle(next)).isEqualTo(ReadyQueue.Outcome.WAITING);
        assertThat(jobs.park(parked, null, "youtube refused")).isTrue();

        assertThat(queue.fill("demo", "tiktok", START.plus(1, ChronoUnit.MINUTES))).as("the parked job's video is passed over").contains(next);
        assertThat(queue.slotOf(parked, "tiktok")).isEmpty();
    }

    @Test
    void aSlotDuringTheJobsOwnPassSendsItRoundAgainInsteadOfReleasingIt() {
        String jobId = finished();
        ReadyQueue queue = queueAt(START);
        queue.enqueue(jobId, "demo", "tiktok");

        assertThat(queue.fill("demo", "tiktok", START.plusSeconds(30))).as("the job is running: its pass will see the slot").isEmpty();
        assertThat(queue.settle(jobId)).isEqualTo(ReadyQueue.Outcome.SLOT_DUE);
        assertThat(jobs.require(jobId).state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void aReservationAheadTakesTheFirstSlotNoOtherVideoHasAndStands() {
        String first = finished();
        String second = finished();
        Instant now = Instant.now();
        ReadyQueue queue = queueAt(now);
        Instant inAnHour = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);

        Instant firstSlot = queue.reserve(first, "demo", "youtube", ReadyQueueTest::nextHour);
        Instant secondSlot = queue.reserve(second, "demo", "youtube", ReadyQueueTest::nextHour);

        assertThat(firstSlot).isEqualTo(inAnHour);
        assertThat(secondSlot).isEqualTo(inAnHour.plus(1, ChronoUnit.HOURS));
        assertThat(queue.reserve(first, "demo", "youtube", after -> Optional.of(after))).as("reserved again after a restart").isEqualTo(firstSlot);
        assertThat(queue.fill("demo", "youtube", firstSlot)).as("the reserved slot finds itself filled").isEmpty();
    }

    @Test
    void aPostingTimeIsTheFirstFreeOccurrenceAndTheJobWaitsForItThenIsReleased() {
        String first = finished();
        String second = finished();
        ReadyQueue queue = queueAt(START);
        Instant sixPm = Instant.parse("2026-03-02T18:00:00Z");

        assertThat(queue.reserveTime(first, "demo", "tiktok", ReadyQueueTest::nextSixPm)).isEqualTo(sixPm);
        assertThat(queue.reserveTime(second, "demo", "tiktok", ReadyQueueTest::nextSixPm)).as("taken: the next day's")
                .isEqualTo(sixPm.plus(1, ChronoUnit.DAYS));
        assertThat(queue.reserveTime(first, "demo", "tiktok", after -> after)).as("reserved again after a restart").isEqualTo(sixPm);
        assertThat(queue.settle(first)).as("its time has not come").isEqualTo(ReadyQueue.Outcome.WAITING);
        assertThat(queue.settle(second)).isEqualTo(ReadyQueue.Outcome.WAITING);
        assertThat(queue.fill("demo", "tiktok", START.plusSeconds(60))).as("a channel slot takes no video with a posting time").isEmpty();
        assertThat(queue.releaseDue()).as("before six").isEmpty();

        ReadyQueue atSix = queueAt(sixPm);
        assertThat(atSix.releaseDue()).as("at six, the first").containsExactly(first);
        assertThat(jobs.isAt(first, Step.DISTRIBUTION)).isTrue();
        assertThat(atSix.settle(first)).as("its time has come: publish now").isEqualTo(ReadyQueue.Outcome.SLOT_DUE);
        assertThat(atSix.releaseDue()).as("released once").isEmpty();
    }

    /** 18:00 UTC, the first after {@code after}. */
    private static Instant nextSixPm(Instant after) {
        Instant today = after.truncatedTo(ChronoUnit.DAYS).plus(18, ChronoUnit.HOURS);
        return today.isAfter(after) ? today : today.plus(1, ChronoUnit.DAYS);
    }

    /** The queue after the jobs' TikTok videos were queued in this order, a second apart. */
    private ReadyQueue queuedForTikTok(String... jobIds) {
        for (int i = 0; i < jobIds.length; i++) {
            queueAt(START.plusSeconds(i)).enqueue(jobIds[i], "demo", "tiktok");
        }
        return queueAt(START.plusSeconds(jobIds.length));
    }

    /** Slots on the hour. */
    private static Optional<Instant> nextHour(Instant after) {
        return Optional.of(after.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));
    }

    /** A job at DISTRIBUTION, leased to this node. */
    private String finished() {
        String id = jobs.create("demo", null, null, "api").job().id();
        for (Step step = Step.RESEARCH; step != Step.DISTRIBUTION; step = step.next()) {
            assertThat(jobs.advance(id, step)).isTrue();
        }
        return id;
    }

    private ReadyQueue queueAt(Instant now) {
        return new ReadyQueue(database.jdbc(), database.transactions(), Clock.fixed(now, ZoneOffset.UTC), "node-a", Duration.ofMinutes(1));
    }
}
