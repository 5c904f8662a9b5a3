package io.cutline.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** The short_plans and short_cuts tables: the shorts a job's long video is cut into. */
public record ShortLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {

    /** How many shorts the channel asked for and why fewer were cut (null when they were not). */
    public record ShortPlan(int asked, String shortfall) {
    }

    private static final RowMapper<ShortCut> CUT = (row, i) -> new ShortCut(row.getString("job_id"), row.getInt("short_number"),
            row.getInt("first_scene"), row.getInt("last_scene"), row.getDouble("start_seconds"), row.getDouble("end_seconds"),
            row.getString("path"), ShortCut.State.valueOf(row.getString("state")));

    /** Replaces the job's plan and cuts (a repeated assembly cuts again from the same scenes) in one transaction. */
    public void plan(String jobId, int asked, String shortfall, List<ShortCut> cuts) {
        var now = LedgerTime.now(clock);
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM short_cuts WHERE job_id = ?", jobId);
            jdbc.update("DELETE FROM short_plans WHERE job_id = ?", jobId);
            jdbc.update("INSERT INTO short_plans (job_id, asked, shortfall, planned_at) VALUES (?, ?, ?, ?)", jobId, asked,
                    shortfall == null ? null : JobLedger.truncate(shortfall, 1000), now);
            for (ShortCut cut : cuts) {
                jdbc.update("INSERT INTO short_cuts (job_id, short_number, first_scene, last_scene, start_seconds, end_seconds, state, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", jobId, cut.number(), cut.firstScene(), cut.lastScene(), cut.startSeconds(),
                        cut.endSeconds(), ShortCut.State.PLANNED.name(), now);
            }
        });
    }

    public void rendered(String jobId, int number, String path) {
        jdbc.update("UPDATE short_cuts SET path = ?, state = ?, updated_at = ? WHERE job_id = ? AND short_number = ?", path,
                ShortCut.State.RENDERED.name(), LedgerTime.now(clock), jobId, number);
    }

    public Optional<ShortPlan> plan(String jobId) {
        return jdbc.query("SELECT asked, shortfall FROM short_plans WHERE job_id = ?",
                (row, i) -> new ShortPlan(row.getInt("asked"), row.getString("shortfall")), jobId).stream().findFirst();
    }

    public List<ShortCut> forJob(String jobId) {
        return jdbc.query("SELECT * FROM short_cuts WHERE job_id = ? ORDER BY short_number", CUT, jobId);
    }
}
