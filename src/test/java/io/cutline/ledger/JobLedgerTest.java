package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import java.util.ArrayList;
import java.util.List;

import io.cutline.support.MutableClock;
import io.cutline.support.Postgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The job ledger's rules, on embedded H2 and (when a test server is available) on PostgreSQL. */
class JobLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private LedgerDatabase database;
    private JobLedger nodeA;
    private JobLedger nodeB;

    static List<String> databases() {
        List<String> databases = new ArrayList<>(List.of("h2"));
        Postgres.server().ifPresent(server -> databases.add("postgresql"));
        return databases;
    }

    private void open(String vendor) {
        database = vendor.equals("h2")
                ? new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4)
                : new LedgerDatabase(Postgres.freshDatabase(), null, null, 4);
        nodeA = new JobLedger(database.jdbc(), clock, "node-a", Duration.ofSeconds(60));
        nodeB = new JobLedger(database.jdbc(), clock, "node-b", Duration.ofSeconds(60));
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRequestKeyMakesOneJob(String vendor) {
        open(vendor);
        JobLedger.Created first = nodeA.create("demo", null, "key-1", "api");
        JobLedger.Created again = nodeB.create("demo", null, "key-1", "api");
        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.job().id());
        assertThat(nodeA.create("demo", null, null, "api").job().id()).isNotEqualTo(first.job().id());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyTheLeaseHolderMovesAJobAndOnlyForward(String vendor) {
        open(vendor);
        String id = nodeA.create("demo", "topic", null, "api").job().id();
        assertThat(nodeA.isAt(id, Step.RESEARCH)).isTrue();
        assertThat(nodeB.isAt(id, Step.RESEARCH)).as("another node").isFalse();
        assertThat(nodeB.advance(id, Step.RESEARCH)).isFalse();
        assertThat(nodeA.advance(id, Step.STORYBOARD)).as("not at that step").isFalse();
        assertThat(nodeA.advance(id, Step.RESEARCH)).isTrue();
        assertThat(nodeA.advance(id, Step.RESEARCH)).as("twice").isFalse();
        assertThat(nodeA.step(id)).isEqualTo(Step.STORYBOARD);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aParkedJobStopsUntilUnparkedAndKeepsItsStep(String vendor) {
        open(vendor);
        String id = nodeA.create("demo", null, null, "api").job().id();
        nodeA.advance(id, Step.RESEARCH);
        assertThat(nodeA.park(id, 3, "scene 3 failed")).isTrue();
        Job parked = nodeA.require(id);
        assertThat(parked.state()).isEqualTo(JobState.PARKED);
        assertThat(parked.failedStep()).isEqualTo(Step.STORYBOARD);
        assertThat(parked.failedScene()).isEqualTo(3);
        assertThat(parked.failureReason()).isEqualTo("scene 3 failed");
        assertThat(nodeA.advance(id, Step.STORYBOARD)).as("parked jobs do not move").isFalse();
        assertThat(nodeA.park(id, null, "again")).isFalse();

        assertThat(nodeB.unpark(id)).isTrue();
        Job resumed = nodeB.require(id);
        assertThat(resumed.state()).isEqualTo(JobState.RUNNING);
        assertThat(resumed.step()).isEqualTo(Step.STORYBOARD);
        assertThat(resumed.attempt()).isEqualTo(2);
        assertThat(resumed.failureReason()).isNull();
        assertThat(nodeB.isAt(id, Step.STORYBOARD)).as("the retrying node holds the lease").isTrue();
        assertThat(nodeB.unpark(id)).as("only parked jobs").isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void finishingTheLastStepMakesTheJobDone(String vendor) {
        open(vendor);
        String id = nodeA.create("demo", null, null, "api").job().id();
        for (Step step : Step.values()) {
            if (step != Step.DONE) {
                assertThat(nodeA.advance(id, step)).isTrue();
            }
        }
        assertThat(nodeA.require(id).state()).isEqualTo(JobState.DONE);
        assertThat(nodeB.claimOrphans()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJobWhoseLeaseLapsedIsClaimedByExactlyOneOtherNode(String vendor) {
        open(vendor);
        String id = nodeA.create("demo", null, null, "api").job().id();
        assertThat(nodeB.claimOrphans()).as("lease still valid").isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(nodeA.renewLeases()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(45));
        assertThat(nodeB.claimOrphans()).as("renewed lease still valid").isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(nodeB.claimOrphans()).containsExactly(id);
        assertThat(nodeA.claimOrphans()).as("already claimed").isEmpty();
        assertThat(nodeB.isAt(id, Step.RESEARCH)).isTrue();
        assertThat(nodeA.isAt(id, Step.RESEARCH)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void releasedLeasesAreClaimedAtOnce(String vendor) {
        open(vendor);
        String id = nodeA.create("demo", null, null, "api").job().id();
        assertThat(nodeA.releaseLeases()).isEqualTo(1);
        assertThat(nodeB.claimOrphans()).containsExactly(id);
    }

}
