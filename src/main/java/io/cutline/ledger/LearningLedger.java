package io.cutline.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the feedback loop decided and learned per channel: the format arm each job was given and why
 * (format_arms), the channel's freeze and reset switches (channel_learning), and the learned worth
 * of its topic keywords (keyword_scores).
 */
public record LearningLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {

    /** A job's arm and the explanation of the choice. */
    public record ArmChoice(String jobId, String arm, String reason, OffsetDateTime chosenAt) {
    }

    /** A channel's switches; {@code resetAt} null: never reset. */
    public record Switches(boolean frozen, OffsetDateTime frozenAt, OffsetDateTime resetAt) {
        public static final Switches LEARNING = new Switches(false, null, null);
    }

    /** A keyword's learned score and how many measured videos it rests on. */
    public record KeywordScore(double score, int videos) {
    }

    public Optional<ArmChoice> arm(String jobId) {
        return jdbc.query("SELECT * FROM format_arms WHERE job_id = ?", (row, i) -> new ArmChoice(row.getString("job_id"),
                row.getString("arm"), row.getString("reason"), LedgerTime.read(row, "chosen_at")), jobId).stream().findFirst();
    }

    /** The arms given to the channel's jobs, by job. */
    public Map<String, String> arms(String channelId) {
        Map<String, String> arms = new LinkedHashMap<>();
        jdbc.query("SELECT job_id, arm FROM format_arms WHERE channel_id = ? ORDER BY chosen_at, job_id",
                row -> {
                    arms.put(row.getString("job_id"), row.getString("arm"));
                }, channelId);
        return arms;
    }

    /** Records the job's arm; a job that already has one keeps it (a retried research step). */
    public void chooseArm(String jobId, String channelId, String arm, String reason) {
        if (arm(jobId).isEmpty()) {
            jdbc.update("INSERT INTO format_arms (job_id, channel_id, arm, reason, chosen_at) VALUES (?, ?, ?, ?, ?)", jobId, channelId, arm,
                    JobLedger.truncate(reason), LedgerTime.now(clock));
        }
    }

    public Switches switches(String channelId) {
        return jdbc.query("SELECT * FROM channel_learning WHERE channel_id = ?", (row, i) -> new Switches(row.getBoolean("frozen"),
                LedgerTime.read(row, "frozen_at"), LedgerTime.read(row, "reset_at")), channelId).stream().findFirst().orElse(Switches.LEARNING);
    }

    /** Freezes (or thaws) the channel's learning. */
    public void freeze(String channelId, boolean frozen) {
        Switches now = switches(channelId);
        save(channelId, new Switches(frozen, frozen ? LedgerTime.now(clock) : null, now.resetAt()));
    }

    /** Forgets what the channel learned: observations before now are ignored, keyword scores dropped; a freeze is lifted. */
    public void reset(String channelId) {
        transactions.executeWithoutResult(status -> {
            save(channelId, new Switches(false, null, LedgerTime.now(clock)));
            jdbc.update("DELETE FROM keyword_scores WHERE channel_id = ?", channelId);
        });
    }

    private void save(String channelId, Switches switches) {
        Upsert.run(jdbc, "UPDATE channel_learning SET frozen = ?, frozen_at = ?, reset_at = ? WHERE channel_id = ?",
                new Object[] {switches.frozen(), switches.frozenAt(), switches.resetAt(), channelId},
                "INSERT INTO channel_learning (channel_id, frozen, frozen_at, reset_at) VALUES (?, ?, ?, ?)",
                new Object[] {channelId, switches.frozen(), switches.frozenAt(), switches.resetAt()});
    }

    /** The channel's learned keyword scores (keywords lower case). */
    public Map<String, KeywordScore> keywordScores(String channelId) {
        Map<String, KeywordScore> scores = new LinkedHashMap<>();
        jdbc.query("SELECT keyword, score, videos FROM keyword_scores WHERE channel_id = ? ORDER BY keyword",
                row -> {
                    scores.put(row.getString("keyword"), new KeywordScore(row.getDouble("score"), row.getInt("videos")));
                }, channelId);
        return scores;
    }

    /** Replaces the channel's keyword scores with {@code scores}. */
    public void keywordScores(String channelId, Map<String, KeywordScore> scores) {
        OffsetDateTime now = LedgerTime.now(clock);
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM keyword_scores WHERE channel_id = ?", channelId);
            List<Object[]> rows = scores.entrySet().stream()
                    .map(entry -> new Object[] {channelId, entry.getKey(), entry.getValue().score(), entry.getValue().videos(), now}).toList();
            jdbc.batchUpdate("INSERT INTO keyword_scores (channel_id, keyword, score, videos, updated_at) VALUES (?, ?, ?, ?, ?)", rows);
        });
    }
}
