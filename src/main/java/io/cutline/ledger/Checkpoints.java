package io.cutline.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * One H2 CHECKPOINT for all the threads that ask for one at the same time (a group commit). Every
 * checkpoint writes a new chunk to the file, kept for H2's retention time: one per paid submission
 * and per handle during a burst of submissions grew the ledger by hundreds of MB. A caller's commit
 * is on disk once a checkpoint that began after it ends, so a caller whose commit an ongoing or
 * just-finished checkpoint covers does not write one of its own. One group per database.
 */
final class Checkpoints {

    private static final Map<DataSource, Checkpoints> BY_DATABASE = Collections.synchronizedMap(new WeakHashMap<>());

    /** Callers so far, numbered in the order they asked (each after its commit). */
    private final AtomicLong asked = new AtomicLong();
    /** The highest caller number whose commit is on disk. Guarded by {@code this}. */
    private long covered;

    static Checkpoints of(DataSource database) {
        return BY_DATABASE.computeIfAbsent(database, ignored -> new Checkpoints());
    }

    /** Returns once the caller's commits so far are on disk, running {@code checkpoint} unless one that began later did. */
    void await(Runnable checkpoint) {
        long ticket = asked.incrementAndGet();
        synchronized (this) {
            if (covered >= ticket) {
                return;
            }
            // every caller numbered up to here had committed before taking its number: this checkpoint covers them all
            long covering = asked.get();
            checkpoint.run();
            covered = covering;
        }
    }
}
