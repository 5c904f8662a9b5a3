package io.cutline.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generation_tasks table. For paid providers every change is a conditional update on the row's
 * state and claim, so exactly one node sends a submission, and a submission is only ever sent from
 * a state where it is known not to have been paid for (new, DEFERRED, FAILED) or after the provider
 * said it never arrived.
 */
public class GenerationLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final Duration claim;
    /** The end of the latest claim this node made, in microseconds since the epoch (see {@link #claimEnd}). */
    private final AtomicLong lastClaimEnd = new AtomicLong();

    public GenerationLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, String node, Duration claim) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.node = node;
        this.claim = claim;
    }

    public Optional<GenerationTask> find(String contentKey) {
        return jdbc.query("SELECT * FROM generation_tasks WHERE content_key = ?", GenerationLedger::task, contentKey).stream().findFirst();
    }

    /** The clip request (JSON) a task was made from, kept apart from the row the poller rewrites at every look. */
    public String request(String contentKey) {
        return jdbc.queryForObject("SELECT request FROM generation_requests WHERE content_key = ?", String.class, contentKey);
    }

    /** Before a task's row exists, its request: identical for every sender, as the key is its hash. */
    private void keepRequest(String contentKey, String request) {
        try {
            jdbc.update("INSERT INTO generation_requests (content_key, request) VALUES (?, ?)", contentKey, request);
        } catch (DuplicateKeyException kept) {
            // kept by an earlier attempt or another sender
        }
    }

    /** Records an attempt at a local generation (the first, or one more after a failure). */
    public void begin(String contentKey, String provider, String model, String request) {
        var now = LedgerTime.now(clock);
        keepRequest(contentKey, request);
        Upsert.run(jdbc,
                "UPDATE generation_tasks SET state = ?, attempts = attempts + 1, error = NULL, updated_at = ? WHERE content_key = ?",
                new Object[] {GenerationTask.State.RUNNING.name(), now, contentKey},
                "INSERT INTO generation_tasks (content_key, provider, model, state, attempts, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, 1, ?, ?)",
                new Object[] {contentKey, provider, model, GenerationTask.State.RUNNING.name(), now, now});
    }

    /**
     * Commits the intent to send a paid submission, claimed by this node: a new row, or one that is
     * DEFERRED, FAILED ({@code countAttempt}: one more attempt) or UNKNOWN-and-not-found. False when
     * another node holds it or its state forbids sending.
     */
    public boolean claimToSend(String contentKey, String provider, String model, String request, String jobId, double seconds,
                               double pricePerSecond, GenerationTask.State from, boolean countAttempt) {
        OffsetDateTime now = LedgerTime.now(clock);
        if (from == null) {
            keepRequest(contentKey, request);
            try {
                return durable(jdbc.update("INSERT INTO generation_tasks (content_key, provider, model, state, attempts, job_id, seconds, "
                                + "price_per_second, sent_at, claim_owner, claim_until, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                        contentKey, provider, model, GenerationTask.State.SENDING.name(), jobId, seconds, pricePerSecond, now, node,
                        claimEnd(now), now, now) == 1);
            } catch (DuplicateKeyException raced) {
                return false;
            }
        }
        Optional<SpendEntry> spend = spendEntry(contentKey);
        return durable(Boolean.TRUE.equals(transactions.execute(status -> {
            // sending again after an outcome that was never settled: a possible duplicate payment
            boolean unsettled = Boolean.TRUE.equals(jdbc.queryForObject("SELECT outcome_unknown FROM generation_tasks WHERE content_key = ?",
                    Boolean.class, contentKey));
            boolean claimed = jdbc.update("UPDATE generation_tasks SET state = ?, attempts = attempts + ?, error = NULL, sent_at = ?, "
                            + "claim_owner = ?, claim_until = ?, updated_at = ?, "
                            + "possible_duplicates = possible_duplicates + CASE WHEN outcome_unknown THEN 1 ELSE 0 END, outcome_unknown = FALSE, "
                            + "done_at_provider = FALSE "
                            + "WHERE content_key = ? AND state = ? "
                            + "AND (claim_owner IS NULL OR claim_until < ? OR claim_owner = ?)",
                    GenerationTask.State.SENDING.name(), countAttempt ? 1 : 0, now, node, claimEnd(now), now, contentKey, from.name(), now,
                    node) == 1;
            if (claimed && unsettled) {
                spend.ifPresent(entry -> entry.add(jdbc, 1));
            }
            return claimed;
        })));
    }

    /** A committed intent is on disk before the paid call it announces. */
    private boolean durable(boolean claimed) {
        if (claimed) {
            LedgerDatabase.checkpoint(jdbc);
        }
        return claimed;
    }

    /**
     * A submission held back by the provider's limits (no paid call made): DEFERRED, for the poller
     * to send after {@code wait}. A resubmission of a FAILED task ({@code countAttempt}) counts its
     * attempt now.
     */
    public void waitForRoom(String contentKey, String provider, String model, String request, String jobId, double seconds,
                            double pricePerSecond, GenerationTask.State from, boolean countAttempt, Duration wait, String reason) {
        OffsetDateTime now = LedgerTime.now(clock);
        if (from == null) {
            keepRequest(contentKey, request);
            try {
                jdbc.update("INSERT INTO generation_tasks (content_key, provider, model, state, attempts, job_id, seconds, "
                                + "price_per_second, error, next_check_at, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                        contentKey, provider, model, GenerationTask.State.DEFERRED.name(), jobId, seconds, pricePerSecond,
                        JobLedger.truncate(reason), now.plus(wait), now, now);
            } catch (DuplicateKeyException raced) {
                // another sender has it
            }
            return;
        }
        jdbc.update("UPDATE generation_tasks SET state = ?, attempts = attempts + ?, error = ?, next_check_at = ?, claim_owner = NULL, "
                        + "claim_until = NULL, updated_at = ? WHERE content_key = ? AND state = ? "
                        + "AND (claim_owner IS NULL OR claim_until < ? OR claim_owner = ?)",
                GenerationTask.State.DEFERRED.name(), countAttempt ? 1 : 0, JobLedger.truncate(reason), now.plus(wait), now, contentKey,
                from.name(), now, node);
    }

    /** Clips sent to {@code provider} and not finished: what its concurrency limit counts. */
    public int inFlight(String provider) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM generation_tasks WHERE provider = ? AND state IN (?, ?, ?) AND NOT done_at_provider",
                Integer.class, provider, GenerationTask.State.SENDING.name(), GenerationTask.State.SUBMITTED.name(),
                GenerationTask.State.UNKNOWN.name());
    }

    /** The provider reports the clip made: it no longer counts against the provider's limit while it is downloaded and checked. */
    public void doneAtProvider(String contentKey) {
        jdbc.update("UPDATE generation_tasks SET done_at_provider = TRUE WHERE content_key = ?", contentKey);
    }

    /** A deferred clip no running job wants any more (re-planned, or its job parked): kept, but not sent until a job asks again. */
    public void dormant(String contentKey) {
        jdbc.update("UPDATE generation_tasks SET next_check_at = NULL, claim_owner = NULL, claim_until = NULL, updated_at = ? "
                + "WHERE content_key = ? AND state = ?", LedgerTime.now(clock), contentKey, GenerationTask.State.DEFERRED.name());
    }

    /**
     * The provider answered the submission: its handle, from now on polled. {@code durable}: on disk
     * before this returns, for a provider that cannot be asked about a submission again (otherwise a
     * handle lost with the last commits of a killed process is found again by its key, and adopted).
     */
    public void submitted(String contentKey, String handle, Duration firstCheck, boolean durable) {
        OffsetDateTime now = LedgerTime.now(clock);
        Optional<SpendEntry> spend = spendEntry(contentKey);
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE generation_tasks SET state = ?, handle = ?, paid_submissions = paid_submissions + 1, next_check_at = ?, "
                            + "claim_owner = NULL, claim_until = NULL, updated_at = ? WHERE content_key = ?",
                    GenerationTask.State.SUBMITTED.name(), handle, now.plus(firstCheck), now, contentKey);
            spend.ifPresent(entry -> entry.add(jdbc, 1));
        });
        if (durable) {
            LedgerDatabase.checkpoint(jdbc);
        }
    }

    /** No reply: the submission may have landed; the provider is asked before anything is sent again. */
    public void unknown(String contentKey, String error, Duration check) {
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("UPDATE generation_tasks SET state = ?, error = ?, next_check_at = ?, claim_owner = NULL, claim_until = NULL, "
                        + "updated_at = ? WHERE content_key = ?",
                GenerationTask.State.UNKNOWN.name(), JobLedger.truncate(error), now.plus(check), now, contentKey);
    }

    /** Refused before being taken (429, no connection): nothing was paid; it may be sent again. */
    public void deferred(String contentKey, String error) {
        jdbc.update("UPDATE generation_tasks SET state = ?, error = ?, next_check_at = NULL, claim_owner = NULL, claim_until = NULL, "
                + "updated_at = ? "
                + "WHERE content_key = ?", GenerationTask.State.DEFERRED.name(), JobLedger.truncate(error), LedgerTime.now(clock), contentKey);
    }

    /** Refused before being taken, during a resubmission by the poller: the poller sends it again after {@code wait}. */
    public void deferUntil(String contentKey, Duration wait) {
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("UPDATE generation_tasks SET next_check_at = ?, claim_owner = NULL, claim_until = NULL, updated_at = ? "
                + "WHERE content_key = ? AND state = ?", now.plus(wait), now, contentKey, GenerationTask.State.DEFERRED.name());
    }

    /** Still working (or not reachable right now): look again later. */
    public void checkLater(String contentKey, Duration wait, String note) {
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("UPDATE generation_tasks SET checks = checks + 1, next_check_at = ?, error = COALESCE(?, error), claim_owner = NULL, "
                + "claim_until = NULL, updated_at = ? WHERE content_key = ?", now.plus(wait), note, now, contentKey);
    }

    /** A clip in flight at {@code provider} is looked at by the poller's next round; false if there is none with that key. */
    public boolean checkNow(String contentKey, String provider) {
        return jdbc.update("UPDATE generation_tasks SET next_check_at = ? WHERE content_key = ? AND provider = ? AND state IN (?, ?)",
                LedgerTime.now(clock), contentKey, provider, GenerationTask.State.SUBMITTED.name(), GenerationTask.State.UNKNOWN.name()) == 1;
    }

    /** A lost submission found at the provider: adopted, paid once, no second payment. */
    public void adopted(String contentKey, String handle) {
        submitted(contentKey, handle, Duration.ZERO, true);
        jdbc.update("UPDATE generation_tasks SET adopted_replies = adopted_replies + 1 WHERE content_key = ?", contentKey);
    }

    /**
     * A lost submission the provider cannot be asked about: counted as paid (it may have been
     * billed); whatever sends the clip again (the resubmit policy, an operator's retry of the parked
     * job) counts a possible duplicate.
     */
    public void unsettled(String contentKey) {
        Optional<SpendEntry> spend = spendEntry(contentKey);
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE generation_tasks SET paid_submissions = paid_submissions + 1, outcome_unknown = TRUE WHERE content_key = ?",
                    contentKey);
            spend.ifPresent(entry -> entry.add(jdbc, 1));
        });
    }

    /** Per provider, from every node's records: lost replies found again, and possible duplicate payments. */
    public Map<String, int[]> replyCounts() {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT provider, COALESCE(SUM(adopted_replies), 0) AS adopted, COALESCE(SUM(possible_duplicates), 0) AS duplicates "
                + "FROM generation_tasks GROUP BY provider", row -> {
                    counts.put(row.getString("provider"), new int[] {row.getInt("adopted"), row.getInt("duplicates")});
                });
        return counts;
    }

    /**
     * Where a change of the task's paid count goes in its channel's running total of committed money
     * (channel_spend, per quarter hour of payment), which the per-day budget reads rather than summing
     * every clip of the day. The quarter's row is made here, before the caller's transaction, so that
     * the transaction only adds to it (a racing insert would abort a PostgreSQL transaction). Empty for
     * a task that costs nothing.
     */
    private Optional<SpendEntry> spendEntry(String contentKey) {
        OffsetDateTime quarter = SpendQuarters.of(LedgerTime.now(clock));
        return jdbc.query("SELECT j.channel_id, g.seconds * g.price_per_second AS usd FROM generation_tasks g JOIN jobs j ON j.id = g.job_id "
                        + "WHERE g.content_key = ? AND g.price_per_second IS NOT NULL AND g.seconds IS NOT NULL",
                (row, i) -> new SpendEntry(row.getString("channel_id"), quarter, row.getDouble("usd")), contentKey).stream().findFirst()
                .map(entry -> {
                    Upsert.run(jdbc, "UPDATE channel_spend SET usd = usd WHERE channel_id = ? AND quarter_start = ?",
                            new Object[] {entry.channelId(), quarter}, "INSERT INTO channel_spend (channel_id, quarter_start, usd) VALUES (?, ?, 0)",
                            new Object[] {entry.channelId(), quarter});
                    return entry;
                });
    }

    /** A task's place in its channel's running total, and the money one submission of it commits. */
    private record SpendEntry(String channelId, OffsetDateTime quarter, double usdPerSubmission) {
        void add(JdbcTemplate jdbc, int submissions) {
            jdbc.update("UPDATE channel_spend SET usd = usd + ? WHERE channel_id = ? AND quarter_start = ?", submissions * usdPerSubmission,
                    channelId, quarter);
        }
    }

    public void succeed(String contentKey, String clipPath, double durationSeconds) {
        jdbc.update("UPDATE generation_tasks SET state = ?, clip_path = ?, duration_seconds = ?, claim_owner = NULL, claim_until = NULL, "
                        + "updated_at = ? WHERE content_key = ?",
                GenerationTask.State.SUCCEEDED.name(), clipPath, durationSeconds, LedgerTime.now(clock), contentKey);
    }

    /** The provider reported the task failed: failed generations are not charged, so its submission is not counted as paid. */
    public void failedAtProvider(String contentKey, String error) {
        Optional<SpendEntry> spend = spendEntry(contentKey);
        transactions.executeWithoutResult(status -> {
            Integer paid = jdbc.queryForList("SELECT paid_submissions FROM generation_tasks WHERE content_key = ?", Integer.class, contentKey)
                    .stream().findFirst().orElse(0);
            jdbc.update("UPDATE generation_tasks SET state = ?, error = ?, paid_submissions = GREATEST(paid_submissions - 1, 0), "
                    + "claim_owner = NULL, claim_until = NULL, updated_at = ? WHERE content_key = ?", GenerationTask.State.FAILED.name(),
                    JobLedger.truncate(error), LedgerTime.now(clock), contentKey);
            if (paid > 0) {
                spend.ifPresent(entry -> entry.add(jdbc, -1));
            }
        });
    }

    public void fail(String contentKey, String error) {
        jdbc.update("UPDATE generation_tasks SET state = ?, error = ?, claim_owner = NULL, claim_until = NULL, updated_at = ? "
                + "WHERE content_key = ?", GenerationTask.State.FAILED.name(), JobLedger.truncate(error), LedgerTime.now(clock), contentKey);
    }

    /**
     * Claims up to {@code limit} tasks due for a look: submitted ones whose check time has come,
     * unknown outcomes, resubmissions deferred by the poller, and SENDING rows whose sender's claim
     * lapsed (it stopped mid-request: unknown).
     */
    public List<GenerationTask> claimDue(int limit) {
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("UPDATE generation_tasks SET state = ?, next_check_at = ?, error = ? WHERE state = ? AND claim_until < ?",
                GenerationTask.State.UNKNOWN.name(), now, "the sender stopped before the reply: outcome unknown",
                GenerationTask.State.SENDING.name(), now);
        List<String> due = jdbc.queryForList("SELECT content_key FROM generation_tasks WHERE state IN (?, ?, ?) AND next_check_at <= ? "
                        + "AND (claim_owner IS NULL OR claim_until < ?) ORDER BY next_check_at FETCH FIRST " + limit + " ROWS ONLY",
                String.class, GenerationTask.State.SUBMITTED.name(), GenerationTask.State.UNKNOWN.name(),
                GenerationTask.State.DEFERRED.name(), now, now);
        return claim(due, now);
    }

    /**
     * Claims the clip waiting longest for room at {@code provider} (DEFERRED with a time to be sent,
     * not claimed), if there is one: a slot there has just freed.
     */
    public Optional<GenerationTask> claimWaiting(String provider) {
        OffsetDateTime now = LedgerTime.now(clock);
        return jdbc.queryForList("SELECT content_key FROM generation_tasks WHERE provider = ? AND state = ? AND next_check_at IS NOT NULL "
                        + "AND (claim_owner IS NULL OR claim_until < ?) ORDER BY next_check_at FETCH FIRST 3 ROWS ONLY", String.class,
                provider, GenerationTask.State.DEFERRED.name(), now).stream()
                .flatMap(key -> claim(List.of(key), now).stream()).findFirst();
    }

    /**
     * When a claim made now lapses: {@code now} plus the claim time, at the ledger's precision
     * (microseconds) and later than any claim this node made before, so that a claim's owner and end
     * name it alone.
     */
    private OffsetDateTime claimEnd(OffsetDateTime now) {
        long wanted = ChronoUnit.MICROS.between(Instant.EPOCH, now.plus(claim).toInstant());
        long micros = lastClaimEnd.accumulateAndGet(wanted, (last, next) -> Math.max(last + 1, next));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Claims those of {@code keys} no other claim holds (a statement each was a third of a poll's ledger
     * work, so a batch is one claim and one read) and returns them as claimed. No two claims of this
     * node end at the same moment, so owner and end tell this claim's rows from any other.
     */
    private List<GenerationTask> claim(List<String> keys, OffsetDateTime now) {
        if (keys.isEmpty()) {
            return List.of();
        }
        OffsetDateTime until = claimEnd(now);
        String marks = String.join(", ", Collections.nCopies(keys.size(), "?"));
        List<Object> claimArgs = new ArrayList<>(List.of(node, until));
        claimArgs.addAll(keys);
        claimArgs.addAll(List.of(GenerationTask.State.SUBMITTED.name(), GenerationTask.State.UNKNOWN.name(),
                GenerationTask.State.DEFERRED.name(), now));
        jdbc.update("UPDATE generation_tasks SET claim_owner = ?, claim_until = ? WHERE content_key IN (" + marks + ") "
                + "AND state IN (?, ?, ?) AND (claim_owner IS NULL OR claim_until < ?)", claimArgs.toArray());
        List<Object> readArgs = new ArrayList<>(keys);
        readArgs.addAll(List.of(node, until));
        return jdbc.query("SELECT * FROM generation_tasks WHERE content_key IN (" + marks + ") AND claim_owner = ? AND claim_until = ? "
                + "ORDER BY next_check_at", GenerationLedger::task, readArgs.toArray());
    }

    /**
     * Gives up this node's claims (on shutdown). A submission it was sending is an unknown outcome:
     * the request may have reached the provider.
     */
    public int releaseClaims() {
        OffsetDateTime now = LedgerTime.now(clock);
        int sending = jdbc.update("UPDATE generation_tasks SET state = ?, next_check_at = ?, error = ?, claim_owner = NULL, "
                        + "claim_until = NULL WHERE claim_owner = ? AND state = ?", GenerationTask.State.UNKNOWN.name(), now,
                "the service stopped while sending: outcome unknown", node, GenerationTask.State.SENDING.name());
        return sending + jdbc.update("UPDATE generation_tasks SET claim_owner = NULL, claim_until = NULL WHERE claim_owner = ?", node);
    }

    /** Jobs and scenes whose plan uses this clip. */
    public List<String[]> scenesUsing(String contentKey) {
        return jdbc.query("SELECT job_id, scene_index FROM scene_clips WHERE clip_key = ? ORDER BY job_id, scene_index",
                (row, i) -> new String[] {row.getString("job_id"), String.valueOf(row.getInt("scene_index"))}, contentKey);
    }

    private static GenerationTask task(ResultSet row, int index) throws SQLException {
        double duration = row.getDouble("duration_seconds");
        Double durationSeconds = row.wasNull() ? null : duration;
        double seconds = row.getDouble("seconds");
        Double requested = row.wasNull() ? null : seconds;
        double price = row.getDouble("price_per_second");
        Double pricePerSecond = row.wasNull() ? null : price;
        return new GenerationTask(row.getString("content_key"), row.getString("provider"), row.getString("model"),
                GenerationTask.State.valueOf(row.getString("state")), row.getString("handle"),
                row.getString("clip_path"), durationSeconds, row.getInt("attempts"), row.getString("error"), row.getString("job_id"),
                requested, pricePerSecond, LedgerTime.read(row, "sent_at"), row.getInt("possible_duplicates"),
                row.getInt("paid_submissions"), row.getInt("checks"));
    }
}
