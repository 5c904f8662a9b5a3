package io.cutline.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ready queue: finished videos waiting for a publishing slot, one row per (job, platform). A slot
 * takes the oldest waiting video of its channel and platform and marks it with its fire time (one video
 * per slot, by the table's unique key). A job whose slotted platforms are not all out waits
 * ({@link JobState#WAITING} at {@link Step#DISTRIBUTION}, no lease) until a slot takes its video; the
 * slot then releases it to this node, as a new job would be. Both sides lock the job's row first, so a
 * slot that takes a video while the job's publishing pass is ending is never missed. A platform that
 * publishes at a given time instead reserves its video's slot ahead ({@link #reserve}); that slot,
 * when it fires, finds itself filled.
 */
public record ReadyQueue(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, String node, Duration lease) {

    /** What a job's publishing pass found for its slotted platforms. */
    public enum Outcome {
        /** Every slotted platform is out (or the channel has none): the job may leave distribution. */
        PUBLISHED,
        /** A slot took one of its videos during the pass: publish again now. */
        SLOT_DUE,
        /** The job now waits for its next slot. */
        WAITING
    }

    /** A video of the job in the queue: its platform, when it was ready, and the slot that took it (null while it waits). */
    public record Entry(String platform, OffsetDateTime readyAt, OffsetDateTime slotAt) {
    }

    /** The job's videos in the queue, by platform. */
    public List<Entry> forJob(String jobId) {
        return jdbc.query("SELECT platform, ready_at, slot_at FROM ready_videos WHERE job_id = ? ORDER BY platform",
                (row, i) -> new Entry(row.getString("platform"), LedgerTime.read(row, "ready_at"), LedgerTime.read(row, "slot_at")), jobId);
    }

    /** Puts the job's video for {@code platform} in the queue, unless it is there already. */
    public void enqueue(String jobId, String channelId, String platform) {
        jdbc.update("INSERT INTO ready_videos (job_id, platform, channel_id, ready_at) SELECT ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM ready_videos WHERE job_id = ? AND platform = ?)",
                jobId, platform, channelId, LedgerTime.now(clock), jobId, platform);
    }

    /**
     * For a platform that publishes at a time it is given (YouTube's {@code publishAt}): gives the job's
     * video the platform's first slot no other video has, after now and after the last slot given, and
     * returns it. {@code slots} is the platform's next slot after a time. An unchanged reservation stands.
     */
    public Instant reserve(String jobId, String channelId, String platform, Function<Instant, Optional<Instant>> slots) {
        return take(jobId, channelId, platform, now -> {
            Instant after = Optional.ofNullable(jdbc.queryForObject("SELECT MAX(slot_at) FROM ready_videos WHERE channel_id = ? "
                            + "AND platform = ?", OffsetDateTime.class, channelId, platform))
                    .map(OffsetDateTime::toInstant).filter(now::isBefore).orElse(now);
            return slots.apply(after).orElseThrow(() -> new IllegalStateException(
                    "the " + platform + " slots of channel " + channelId + " never fire again"));
        });
    }

    /**
     * For a video whose format arm gives it a posting time: gives it the first occurrence of that time
     * ({@code next}: the next one after an instant) that no other video of the channel has on the
     * platform, and returns it. The job waits for it (see {@link #releaseDue}) unless the platform is
     * given it to publish at. An unchanged reservation stands.
     */
    public Instant reserveTime(String jobId, String channelId, String platform, UnaryOperator<Instant> next) {
        return take(jobId, channelId, platform, now -> {
            Set<Instant> taken = new HashSet<>(jdbc.query("SELECT slot_at FROM ready_videos WHERE channel_id = ? AND platform = ? "
                    + "AND slot_at > ?", (row, i) -> LedgerTime.read(row, "slot_at").toInstant(), channelId, platform, now.atOffset(ZoneOffset.UTC)));
            Instant time = next.apply(now);
            while (taken.contains(time)) {
                time = next.apply(time);
            }
            return time;
        });
    }

    /** The job's video's slot for the platform: the one it has, or the one {@code choose} picks from now (retried when another video took it meanwhile). */
    private Instant take(String jobId, String channelId, String platform, Function<Instant, Instant> choose) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Optional<OffsetDateTime> given = slotOf(jobId, platform);
                    if (given.isPresent()) {
                        return given.get().toInstant();
                    }
                    Instant slot = choose.apply(clock.instant());
                    enqueue(jobId, channelId, platform);
                    jdbc.update("UPDATE ready_videos SET slot_at = ?, reserved = TRUE WHERE job_id = ? AND platform = ? AND slot_at IS NULL",
                            slot.atOffset(ZoneOffset.UTC), jobId, platform);
                    return slot;
                });
            } catch (DuplicateKeyException taken) {
                // another video took that slot at the same moment: the next one is free
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Jobs waiting for a reserved time that has come (a posting time): moved on (running, leased to this
     * node) to publish now. Returns their ids.
     */
    public List<String> releaseDue() {
        List<String> due = jdbc.queryForList("SELECT DISTINCT r.job_id FROM ready_videos r JOIN jobs j ON j.id = r.job_id "
                        + "LEFT JOIN publications p ON p.job_id = r.job_id AND p.platform = r.platform AND p.short_number = ? "
                        + "WHERE r.reserved AND r.slot_at <= ? AND j.state = ? AND j.step = ? AND (p.state IS NULL OR p.state <> ?)", String.class,
                Publication.LONG_VIDEO, LedgerTime.now(clock), JobState.WAITING.name(), Step.DISTRIBUTION.name(),
                Publication.State.PUBLISHED.name());
        return due.stream().filter(this::release).toList();
    }

    /** The fire time of the slot that took the job's video for {@code platform}; empty while it waits or was never queued. */
    public Optional<OffsetDateTime> slotOf(String jobId, String platform) {
        return jdbc.query("SELECT slot_at FROM ready_videos WHERE job_id = ? AND platform = ? AND slot_at IS NOT NULL",
                (row, i) -> LedgerTime.read(row, "slot_at"), jobId, platform).stream().findFirst();
    }

    /**
     * One slot of the channel's platform, fired at {@code slot}: takes the oldest waiting video. Returns
     * the job to send on when the slot released it from waiting; empty when no video waited, the slot was
     * filled already (delivered twice), or the job is still in its publishing pass (which then sees it).
     */
    public Optional<String> fill(String channelId, String platform, Instant slot) {
        OffsetDateTime slotAt = slot.atOffset(ZoneOffset.UTC);
        try {
            return transactions.execute(status -> {
                Integer filled = jdbc.queryForObject("SELECT COUNT(*) FROM ready_videos WHERE channel_id = ? AND platform = ? AND slot_at = ?",
                        Integer.class, channelId, platform, slotAt);
                // a parked job's video keeps its place in the queue but takes no slot until it is retried
                List<String> waiting = jdbc.queryForList("SELECT r.job_id FROM ready_videos r JOIN jobs j ON j.id = r.job_id "
                                + "WHERE r.channel_id = ? AND r.platform = ? AND r.slot_at IS NULL AND j.state <> ? ORDER BY r.ready_at, r.job_id",
                        String.class, channelId, platform, JobState.PARKED.name());
                if (filled != 0 || waiting.isEmpty()) {
                    return Optional.<String>empty();
                }
                String jobId = waiting.get(0);
                lockJob(jobId);
                if (jdbc.update("UPDATE ready_videos SET slot_at = ? WHERE job_id = ? AND platform = ? AND slot_at IS NULL",
                        slotAt, jobId, platform) == 0) {
                    return Optional.<String>empty();
                }
                return release(jobId) ? Optional.of(jobId) : Optional.<String>empty();
            });
        } catch (DuplicateKeyException e) {
            // another delivery of the same slot filled it first
            return Optional.empty();
        }
    }

    /** A video waiting for a slot, of a job that waits for it. */
    public record Waiting(String jobId, String channelId, String platform) {
    }

    /** Every video waiting for a slot whose job waits for it, oldest first. */
    public List<Waiting> waiting() {
        return jdbc.query("SELECT r.job_id, r.channel_id, r.platform FROM ready_videos r JOIN jobs j ON j.id = r.job_id "
                        + "WHERE r.slot_at IS NULL AND j.state = ? AND j.step = ? ORDER BY r.ready_at, r.job_id",
                (row, i) -> new Waiting(row.getString("job_id"), row.getString("channel_id"), row.getString("platform")),
                JobState.WAITING.name(), Step.DISTRIBUTION.name());
    }

    /** Moves a job waiting for a slot on (running, leased to this node) without a slot; false if it was not waiting. */
    public boolean release(String jobId) {
        OffsetDateTime now = LedgerTime.now(clock);
        return jdbc.update("UPDATE jobs SET state = ?, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ? AND step = ?",
                JobState.RUNNING.name(), node, now.plus(lease), now, jobId, JobState.WAITING.name(), Step.DISTRIBUTION.name()) == 1;
    }

    /** At the end of a publishing pass of this node: whether the job's queued videos are all out, one is due now, or it waits. */
    public Outcome settle(String jobId) {
        return transactions.execute(status -> {
            lockJob(jobId);
            // a slot that took the video is due; a time reserved for it that has not come yet is waited for
            OffsetDateTime now = LedgerTime.now(clock);
            List<Boolean> slotTaken = jdbc.query("SELECT r.slot_at, r.reserved FROM ready_videos r LEFT JOIN publications p "
                            + "ON p.job_id = r.job_id AND p.platform = r.platform AND p.short_number = ? WHERE r.job_id = ? "
                            + "AND (p.state IS NULL OR p.state <> ?)",
                    (row, i) -> row.getObject("slot_at") != null && (!row.getBoolean("reserved") || !LedgerTime.read(row, "slot_at").isAfter(now)),
                    Publication.LONG_VIDEO, jobId, Publication.State.PUBLISHED.name());
            if (slotTaken.isEmpty()) {
                return Outcome.PUBLISHED;
            }
            if (slotTaken.contains(true)) {
                return Outcome.SLOT_DUE;
            }
            jdbc.update("UPDATE jobs SET state = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                            + "WHERE id = ? AND state = ? AND step = ? AND lease_owner = ?", JobState.WAITING.name(), LedgerTime.now(clock),
                    jobId, JobState.RUNNING.name(), Step.DISTRIBUTION.name(), node);
            return Outcome.WAITING;
        });
    }

    private void lockJob(String jobId) {
        jdbc.queryForList("SELECT id FROM jobs WHERE id = ? FOR UPDATE", String.class, jobId);
    }
}
