package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cutline.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paid generations in the ledger. The per-day budget's running total: each change of a paid count
 * moves the channel's total for the quarter hour of payment, submissions under way count while they
 * are, and a day's total is that day's quarters only (a clip of 5 s at $0.10 a second commits $0.50 a
 * submission). And what a provider's concurrency limit counts: a clip it finished is not.
 */
class PaidGenerationsLedgerTest {

    private static final double CLIP_USD = 0.5;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T23:50:00Z"));
    private LedgerDatabase database;
    private JobLedger jobs;
    private GenerationLedger generations;
    private CostLedger costs;

    @BeforeEach
    void open() {
        database = database();
        jobs = new JobLedger(database.jdbc(), clock, "node-a", Duration.ofMinutes(1));
        generations = new GenerationLedger(database.jdbc(), database.transactions(), clock, "node-a", Duration.ofMinutes(1));
        costs = new CostLedger(database.jdbc(), clock);
    }

    LedgerDatabase database() {
        return new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    }

    @AfterEach
    void close() {
        database.stop();
    }

    @Test
    void paymentsMoveTheRunningTotalAndSubmissionsUnderWayCountWhileTheyAre() {
        String job = jobs.create("spender", null, null, "api").job().id();
        String other = jobs.create("other", null, null, "api").job().id();
        OffsetDateTime today = OffsetDateTime.parse("2026-12-03T00:00:00Z");

        send("first", job);
        assertThat(day(today, null)).as("under way").isCloseTo(CLIP_USD, offset(1e-9));
        assertThat(day(today, "first")).as("the clip being checked again is left out").isZero();
        generations.submitted("first", "handle-1", Duration.ZERO, false);
        assertThat(day(today, null)).as("paid").isCloseTo(CLIP_USD, offset(1e-9));

        send("lost", job);
        generations.unsettled("lost");
        generations.unknown("lost", "no reply", Duration.ofMinutes(1));
        assertThat(day(today, null)).as("counted as paid, and under way until the provider is asked").isCloseTo(3 * CLIP_USD, offset(1e-9));
        assertThat(generations.claimToSend("lost", "runway", "gen4", "{}", job, 5, 0.1, GenerationTask.State.UNKNOWN, false)).isTrue();
        assertThat(day(today, "lost")).as("sending it again: a possible duplicate, paid twice at most").isCloseTo(3 * CLIP_USD, offset(1e-9));

        send("elsewhere", other);
        generations.submitted("elsewhere", "handle-2", Duration.ZERO, false);
        assertThat(day(today, "lost")).as("another channel's clips are its own").isCloseTo(3 * CLIP_USD, offset(1e-9));

        generations.failedAtProvider("first", "the provider failed it");
        assertThat(day(today, "lost")).as("a failed generation is not charged").isCloseTo(2 * CLIP_USD, offset(1e-9));

        clock.advance(Duration.ofMinutes(20));
        generations.submitted("lost", "handle-3", Duration.ZERO, false);
        assertThat(day(today.plusDays(1), null)).as("tomorrow counts only what was paid after midnight").isCloseTo(CLIP_USD, offset(1e-9));
        assertThat(day(today, null)).as("today and the quarter past midnight").isCloseTo(3 * CLIP_USD, offset(1e-9));
        assertThat(day(OffsetDateTime.parse("2026-12-04T00:00:00-01:00"), null)).as("a day that starts at another zone's midnight, later")
                .isZero();
    }

    @Test
    void aClipTheProviderFinishedNoLongerTakesOneOfItsSlotsWhileItIsFetched() {
        String job = jobs.create("spender", null, null, "api").job().id();
        send("made", job);
        generations.submitted("made", "handle", Duration.ZERO, false);
        send("making", job);
        assertThat(generations.inFlight("runway")).isEqualTo(2);
        generations.doneAtProvider("made");
        assertThat(generations.inFlight("runway")).as("made, being downloaded").isEqualTo(1);
        generations.failedAtProvider("made", "unusable");
        assertThat(generations.claimToSend("made", "runway", "gen4", "{}", job, 5, 0.1, GenerationTask.State.FAILED, true)).isTrue();
        assertThat(generations.inFlight("runway")).as("sent again: at the provider again").isEqualTo(2);
    }

    @Test
    void aBatchOfDueClipsIsClaimedByOneNodeAloneAndReadAsClaimed() {
        String job = jobs.create("spender", null, null, "api").job().id();
        for (String key : new String[] {"one", "two", "three"}) {
            send(key, job);
            generations.submitted(key, "handle-" + key, Duration.ZERO, false);
            clock.advance(Duration.ofMillis(1));
        }
        send("sending", job);
        GenerationLedger otherNode = new GenerationLedger(database.jdbc(), database.transactions(), clock, "node-b", Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(1));

        assertThat(generations.claimWaiting("runway")).as("none waits for room").isEmpty();
        assertThat(generations.claimDue(2)).as("the two due longest, as claimed").extracting(GenerationTask::contentKey)
                .containsExactly("one", "two");
        assertThat(otherNode.claimDue(10)).as("another node gets only what no claim holds").extracting(GenerationTask::contentKey)
                .containsExactly("three");
        assertThat(generations.claimDue(10)).as("claimed elsewhere, or being sent").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(otherNode.claimDue(10)).as("once the claims lapsed; the send that stopped is an unknown outcome")
                .extracting(GenerationTask::contentKey, GenerationTask::state)
                .contains(org.assertj.core.groups.Tuple.tuple("sending", GenerationTask.State.UNKNOWN))
                .hasSize(4);
    }

    @Test
    void quartersStartOnTheQuarterHourInUtc() {
        assertThat(SpendQuarters.of(OffsetDateTime.parse("2026-12-03T10:44:59.9+05:45")))
                .isEqualTo(OffsetDateTime.of(2026, 12, 3, 4, 45, 0, 0, ZoneOffset.UTC));
    }

    private void send(String key, String job) {
        assertThat(generations.claimToSend(key, "runway", "gen4", "{}", job, 5, 0.1, null, false)).isTrue();
    }

    private double day(OffsetDateTime since, String excluding) {
        return costs.committedByChannel("spender", since, excluding);
    }
}
