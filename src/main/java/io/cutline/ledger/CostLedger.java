package io.cutline.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What writing and generation cost. Writing, from the writer_calls ledger: every call to a brief or
 * storyboard writer with its tokens and dollars. Generation, from the generation_tasks ledger: each confirmed paid submission is billed
 * seconds × the provider's configured price; a possible duplicate (a lost reply resubmitted where
 * the provider cannot be asked) is counted apart. A clip is charged to the job that first paid for it.
 */
public class CostLedger {

    /** Totals for one provider (or for a job, with provider null). */
    public record Cost(String provider, int clips, int paidSubmissions, double billedSeconds, double usd, int possibleDuplicates,
                       double possibleDuplicateUsd) {
    }

    private static final String TOTALS = "COUNT(*) AS clips, COALESCE(SUM(g.paid_submissions), 0) AS paid, "
            + "COALESCE(SUM(g.paid_submissions * g.seconds), 0) AS seconds, "
            + "COALESCE(SUM(g.paid_submissions * g.seconds * g.price_per_second), 0) AS usd, "
            + "COALESCE(SUM(g.possible_duplicates), 0) AS duplicates, "
            + "COALESCE(SUM(g.possible_duplicates * g.seconds * g.price_per_second), 0) AS duplicate_usd";

    /**
     * Payments counted against a budget: confirmed, possible duplicates, and one for a submission
     * under way or waiting for room at its provider.
     */
    private static final String COMMITTED = "g.paid_submissions + g.possible_duplicates "
            + "+ CASE WHEN g.state IN ('SENDING', 'UNKNOWN') OR (g.state = 'DEFERRED' AND g.next_check_at IS NOT NULL) THEN 1 ELSE 0 END";

    /** One call to a writer: which document, the job's attempt number at it, who answered, tokens, dollars, and what was wrong. */
    public record WriterCall(String document, int attempt, String writer, String model, int inputTokens, int outputTokens, double usd,
                             String outcome) {
    }

    /** Writing totals for one writer (or for a job, with writer null). */
    public record WritingCost(String writer, int calls, long inputTokens, long outputTokens, double usd) {
    }

    private static final String WRITING_TOTALS = "COUNT(*) AS calls, COALESCE(SUM(w.input_tokens), 0) AS input_tokens, "
            + "COALESCE(SUM(w.output_tokens), 0) AS output_tokens, COALESCE(SUM(w.usd), 0) AS usd";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CostLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void recordWriterCall(String jobId, WriterCall call) {
        jdbc.update("INSERT INTO writer_calls (job_id, document, attempt, writer, model, input_tokens, output_tokens, usd, outcome, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", jobId, call.document(), call.attempt(), call.writer(), call.model(),
                call.inputTokens(), call.outputTokens(), call.usd(), JobLedger.truncate(call.outcome()), LedgerTime.now(clock));
    }

    /** How many calls were made to write the job's {@code document} (brief or storyboard) so far, in any run of its step. */
    public int writerCallCount(String jobId, String document) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM writer_calls WHERE job_id = ? AND document = ?", Integer.class, jobId, document);
    }

    /** A job's writer calls in the order they were made. */
    public List<WriterCall> writerCalls(String jobId) {
        return jdbc.query("SELECT * FROM writer_calls WHERE job_id = ? ORDER BY created_at, document, attempt",
                (row, i) -> new WriterCall(row.getString("document"), row.getInt("attempt"), row.getString("writer"), row.getString("model"),
                        row.getInt("input_tokens"), row.getInt("output_tokens"), row.getDouble("usd"), row.getString("outcome")), jobId);
    }

    /** What writing cost the job: all its writer calls together. */
    public WritingCost writingForJob(String jobId) {
        return jdbc.queryForObject("SELECT " + WRITING_TOTALS + " FROM writer_calls w WHERE w.job_id = ?", (row, i) -> writingCost(null, row), jobId);
    }

    /** What writing cost per writer, for a channel (or all) since a time (or ever). */
    public List<WritingCost> writingByWriter(String channelId, OffsetDateTime since) {
        return grouped("SELECT w.writer, " + WRITING_TOTALS + " FROM writer_calls w JOIN jobs j ON j.id = w.job_id WHERE 1 = 1",
                "w", "w.writer", channelId, since, (row, i) -> writingCost(row.getString("writer"), row));
    }

    public Cost forJob(String jobId) {
        return jdbc.queryForObject("SELECT " + TOTALS + " FROM generation_tasks g WHERE g.job_id = ? AND g.price_per_second IS NOT NULL",
                (row, i) -> cost(null, row), jobId);
    }

    /** Per provider, for a channel (or all) since a time (or ever). */
    public List<Cost> byProvider(String channelId, OffsetDateTime since) {
        return grouped("SELECT g.provider, " + TOTALS + " FROM generation_tasks g JOIN jobs j ON j.id = g.job_id "
                + "WHERE g.price_per_second IS NOT NULL", "g", "g.provider", channelId, since, (row, i) -> cost(row.getString("provider"), row));
    }

    /** What one day's confirmed paid submissions to one provider cost (the day the clip was asked for, in the database's time zone). */
    public record DailyCost(java.time.LocalDate day, String provider, double usd) {
    }

    /** Per day and provider, oldest day first, for a channel (or all) since a time (or ever): the console's cost chart. */
    public List<DailyCost> byDay(String channelId, OffsetDateTime since) {
        return grouped("SELECT CAST(g.created_at AS DATE) AS spend_day, g.provider, "
                + "COALESCE(SUM(g.paid_submissions * g.seconds * g.price_per_second), 0) AS usd "
                + "FROM generation_tasks g JOIN jobs j ON j.id = g.job_id WHERE g.price_per_second IS NOT NULL",
                "g", "CAST(g.created_at AS DATE), g.provider", channelId, since,
                (row, i) -> new DailyCost(row.getObject("spend_day", java.time.LocalDate.class), row.getString("provider"), round(row.getDouble("usd"))));
    }

    /**
     * {@code select} (rows of table alias {@code table}) for a channel (or all) since a time (or ever),
     * one row per value of the {@code group} columns, in their order.
     */
    private <T> List<T> grouped(String select, String table, String group, String channelId, OffsetDateTime since,
                                org.springframework.jdbc.core.RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> args = new ArrayList<>();
        if (channelId != null) {
            sql.append(" AND j.channel_id = ?");
            args.add(channelId);
        }
        if (since != null) {
            sql.append(" AND ").append(table).append(".created_at >= ?");
            args.add(since);
        }
        sql.append(" GROUP BY ").append(group).append(" ORDER BY ").append(group);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }

    /**
     * What the job has paid or is paying for (confirmed and possible duplicate payments, submissions
     * under way or waiting), leaving out the clip {@code excluding} (the one about to be sent; may be null).
     */
    public double committedBy(String jobId, String excluding) {
        return committed("WHERE g.job_id = ?", excluding, jobId);
    }

    /**
     * What the channel has paid or is paying for since a time (a quarter hour: its running total,
     * channel_spend, is kept per quarter of payment), and the submissions of its jobs under way or
     * waiting, leaving out the clip {@code excluding} (may be null). Reads the day's quarters and the
     * few tasks in flight, not every clip of the day.
     */
    public double committedByChannel(String channelId, OffsetDateTime since, String excluding) {
        double paid = jdbc.queryForObject("SELECT COALESCE(SUM(usd), 0) FROM channel_spend WHERE channel_id = ? AND quarter_start >= ?",
                Double.class, channelId, SpendQuarters.of(since));
        double pending = jdbc.queryForObject("SELECT COALESCE(SUM(g.seconds * g.price_per_second), 0) FROM generation_tasks g "
                + "JOIN jobs j ON j.id = g.job_id WHERE g.state IN ('SENDING', 'UNKNOWN', 'DEFERRED') "
                + "AND (g.state <> 'DEFERRED' OR g.next_check_at IS NOT NULL) AND j.channel_id = ? AND g.price_per_second IS NOT NULL "
                + "AND g.content_key <> ?", Double.class, channelId, excluding == null ? "" : excluding);
        return paid + pending;
    }

    private double committed(String rows, String excluding, Object... args) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = excluding == null ? "" : excluding;
        return jdbc.queryForObject("SELECT COALESCE(SUM((" + COMMITTED + ") * g.seconds * g.price_per_second), 0) FROM generation_tasks g "
                + rows + " AND g.price_per_second IS NOT NULL AND g.content_key <> ?", Double.class, all);
    }

    private static Cost cost(String provider, java.sql.ResultSet row) throws java.sql.SQLException {
        return new Cost(provider, row.getInt("clips"), row.getInt("paid"), row.getDouble("seconds"), round(row.getDouble("usd")),
                row.getInt("duplicates"), round(row.getDouble("duplicate_usd")));
    }

    private static WritingCost writingCost(String writer, java.sql.ResultSet row) throws java.sql.SQLException {
        return new WritingCost(writer, row.getInt("calls"), row.getLong("input_tokens"), row.getLong("output_tokens"), round(row.getDouble("usd")));
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000.0;
    }
}
