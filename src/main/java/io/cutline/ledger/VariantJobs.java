package io.cutline.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs a job's variants (its other languages, its other hooks) are made as: each a job of its own,
 * made waiting ({@link JobState#WAITING} at {@link Step#ASSEMBLY}) because it makes no clips, and
 * released to assembly with this node's lease once its original's clips are made, as a new job would be.
 */
final class VariantJobs {

    private VariantJobs() {
    }

    /** A new waiting job of the original's channel, topic and origin; its id. */
    static String insertWaiting(JdbcTemplate jdbc, Clock clock, Job original) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("INSERT INTO jobs (id, channel_id, requested_topic, origin, state, step, attempt, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                id, original.channelId(), original.requestedTopic(), original.origin(), JobState.WAITING.name(), Step.ASSEMBLY.name(), now, now);
        return id;
    }

    /** Moves a waiting variant on (running, leased to {@code node}); false if it was not waiting. */
    static boolean release(JdbcTemplate jdbc, Clock clock, String node, Duration lease, String variantJobId) {
        OffsetDateTime now = LedgerTime.now(clock);
        return jdbc.update("UPDATE jobs SET state = ?, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ?",
                JobState.RUNNING.name(), node, now.plus(lease), now, variantJobId, JobState.WAITING.name()) == 1;
    }
}
