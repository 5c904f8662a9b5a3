package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void eachCallerAloneGetsACheckpointOfItsOwn() {
        Checkpoints checkpoints = new Checkpoints();
        AtomicInteger written = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            checkpoints.await(written::incrementAndGet);
        }
        assertThat(written).as("a checkpoint that ended before a caller asked does not cover it").hasValue(3);
    }

    @Test
    void callersWaitingWhileACheckpointRunsShareTheNextOne() throws Exception {
        Checkpoints checkpoints = new Checkpoints();
        AtomicInteger written = new AtomicInteger();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<?> first = pool.submit(() -> checkpoints.await(() -> {
                written.incrementAndGet();
                firstRunning.countDown();
                await(release);
            }));
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> waiting = new ArrayList<>();
            List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 5; i++) {
                waiting.add(pool.submit(() -> checkpoints.await(() -> seen.add(written.incrementAndGet()))));
            }
            Thread.sleep(300);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> caller : waiting) {
                caller.get(10, TimeUnit.SECONDS);
            }
            assertThat(seen).as("the five callers that asked during the first checkpoint (begun before they committed) "
                    + "are covered by one more, not five").hasSize(1);
            assertThat(written).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachDatabaseHasItsOwnGroup() {
        var one = new org.springframework.jdbc.datasource.SimpleDriverDataSource();
        var other = new org.springframework.jdbc.datasource.SimpleDriverDataSource();
        assertThat(Checkpoints.of(one)).isSameAs(Checkpoints.of(one)).isNotSameAs(Checkpoints.of(other));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
