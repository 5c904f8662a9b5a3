package io.cutline.ledger;

import io.cutline.config.Secrets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs table. Every change is a conditional update, so a job's state can only move forward
 * along its steps and only the node holding the job's lease moves it. Leases expire: a job whose
 * node died is claimed by another node (or the restarted one) and resumed at its step.
 */
public class JobLedger {

    private static final String COLUMNS = "id, channel_id, requested_topic, request_key, origin, state, step, "
            + "failed_step, failed_scene, failure_reason, attempt, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final Duration lease;

    public JobLedger(JdbcTemplate jdbc, Clock clock, String node, Duration lease) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
        this.clock = clock;
        this.node = node;
        this.lease = lease;
    }

    /** A new job leased to this node; or, when the request key was seen before, the job it made. */
    public Created create(String channelId, String topic, String requestKey, String origin) {
        return create(channelId, topic, requestKey, origin, id -> { });
    }

    /**
     * As {@link #create(String, String, String, String)}; {@code alongside} writes, in the same
     * transaction, what the new job must never be seen without (the story its caller wrote): a crash
     * leaves both or neither, so a resumed job never writes its own in place of the caller's.
     */
    public Created create(String channelId, String topic, String requestKey, String origin, Consumer<String> alongside) {
        if (requestKey != null) {
            Optional<Job> existing = findByRequestKey(requestKey);
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = LedgerTime.now(clock);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO jobs (id, channel_id, requested_topic, request_key, origin, state, step, attempt, "
                                + "lease_owner, lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                        id, channelId, topic, requestKey, origin, JobState.RUNNING.name(), Step.RESEARCH.name(),
                        node, now.plus(lease), now, now);
                alongside.accept(id);
            });
        } catch (DuplicateKeyException raced) {
            return new Created(findByRequestKey(requestKey).orElseThrow(), false);
        }
        LedgerDatabase.checkpoint(jdbc);
        return new Created(require(id), true);
    }

    public record Created(Job job, boolean isNew) {
    }

    public Optional<Job> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JobLedger::job, id).stream().findFirst();
    }

    public Job require(String id) {
        return find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public List<Job> list(JobState state, String channelId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (channelId != null) {
            sql.append(" AND channel_id = ?");
            args.add(channelId);
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), JobLedger::job, args.toArray());
    }

    /** Whether this node should now run {@code step} of the job. */
    public boolean isAt(String jobId, Step step) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE id = ? AND state = ? AND step = ? AND lease_owner = ?",
                Integer.class, jobId, JobState.RUNNING.name(), step.name(), node);
        return count != null && count == 1;
    }

    public Step step(String jobId) {
        return require(jobId).step();
    }

    /** Moves the job from {@code from} to the next step; false if it was not at {@code from} (parked, or done by someone else). */
    public boolean advance(String jobId, Step from) {
        Step next = from.next();
        OffsetDateTime now = LedgerTime.now(clock);
        if (next == Step.DONE) {
            return jdbc.update("UPDATE jobs SET step = ?, state = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                            + "WHERE id = ? AND step = ? AND state = ? AND lease_owner = ?",
                    next.name(), JobState.DONE.name(), now, jobId, from.name(), JobState.RUNNING.name(), node) == 1;
        }
        return jdbc.update("UPDATE jobs SET step = ?, updated_at = ? WHERE id = ? AND step = ? AND state = ? AND lease_owner = ?",
                next.name(), now, jobId, from.name(), JobState.RUNNING.name(), node) == 1;
    }

    /** Stops a running job at its current step with the reason; false if it was not running. */
    public boolean park(String jobId, Integer sceneIndex, String reason) {
        return jdbc.update("UPDATE jobs SET state = ?, failed_step = step, failed_scene = ?, failure_reason = ?, "
                        + "lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND state = ?",
                JobState.PARKED.name(), sceneIndex, truncate(reason), LedgerTime.now(clock), jobId, JobState.RUNNING.name()) == 1;
    }

    /**
     * Puts a parked job back to work on this node at the step where it failed; false if it was not
     * parked. The failure stays in the step log.
     */
    public boolean unpark(String jobId) {
        OffsetDateTime now = LedgerTime.now(clock);
        return jdbc.update("UPDATE jobs SET state = ?, attempt = attempt + 1, failed_step = NULL, failed_scene = NULL, "
                        + "failure_reason = NULL, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ? AND state = ?",
                JobState.RUNNING.name(), node, now.plus(lease), now, jobId, JobState.PARKED.name()) == 1;
    }

    /** Claims running jobs whose lease has expired (their node stopped or died) and returns their ids. */
    public List<String> claimOrphans() {
        OffsetDateTime now = LedgerTime.now(clock);
        List<String> candidates = jdbc.queryForList(
                "SELECT id FROM jobs WHERE state = ? AND (lease_owner IS NULL OR lease_until < ?) ORDER BY created_at",
                String.class, JobState.RUNNING.name(), now);
        List<String> claimed = new ArrayList<>();
        for (String id : candidates) {
            int updated = jdbc.update("UPDATE jobs SET lease_owner = ?, lease_until = ? "
                            + "WHERE id = ? AND state = ? AND (lease_owner IS NULL OR lease_until < ?)",
                    node, now.plus(lease), id, JobState.RUNNING.name(), now);
            if (updated == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** Jobs started and neither done nor parked, on every node. */
    public int countUnfinished() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jobs WHERE state = ?", Integer.class, JobState.RUNNING.name());
        return count == null ? 0 : count;
    }

    public int renewLeases() {
        return jdbc.update("UPDATE jobs SET lease_until = ? WHERE lease_owner = ? AND state = ?",
                LedgerTime.now(clock).plus(lease), node, JobState.RUNNING.name());
    }

    /** Gives up this node's leases (on shutdown) so another node or the next start resumes the jobs at once. */
    public int releaseLeases() {
        return jdbc.update("UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", node);
    }

    public String node() {
        return node;
    }

    private Optional<Job> findByRequestKey(String requestKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jobs WHERE request_key = ?", JobLedger::job, requestKey)
                .stream().findFirst();
    }

    static String truncate(String text) {
        return truncate(text, 4000);
    }

    /** Text cut to fit a VARCHAR({@code max}) column, without any secret it may quote. */
    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = Secrets.redact(text);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }

    private static Job job(ResultSet row, int index) throws SQLException {
        String failedStep = row.getString("failed_step");
        int scene = row.getInt("failed_scene");
        Integer failedScene = row.wasNull() ? null : scene;
        return new Job(
                row.getString("id"),
                row.getString("channel_id"),
                row.getString("requested_topic"),
                row.getString("request_key"),
                row.getString("origin"),
                JobState.valueOf(row.getString("state")),
                Step.valueOf(row.getString("step")),
                failedStep == null ? null : Step.valueOf(failedStep),
                failedScene,
                row.getString("failure_reason"),
                row.getInt("attempt"),
                LedgerTime.read(row, "created_at"),
                LedgerTime.read(row, "updated_at"));
    }
}
