package io.cutline.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The step log: which layer ran for which job (and scene), when, and how it ended. */
public class StepLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StepLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void begin(String jobId, Step step, Integer sceneIndex, int attempt) {
        jdbc.update("INSERT INTO step_log (job_id, step, scene_index, attempt, started_at, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                jobId, step.name(), sceneIndex, attempt, LedgerTime.now(clock), StepRecord.Outcome.RUNNING.name());
    }

    public void succeed(String jobId, Step step, Integer sceneIndex, String detail) {
        end(jobId, step, sceneIndex, StepRecord.Outcome.OK, detail);
    }

    public void fail(String jobId, Step step, Integer sceneIndex, String reason) {
        end(jobId, step, sceneIndex, StepRecord.Outcome.FAILED, reason);
    }

    public List<StepRecord> forJob(String jobId) {
        return jdbc.query("SELECT step, scene_index, attempt, started_at, finished_at, outcome, detail FROM step_log "
                + "WHERE job_id = ? ORDER BY id", StepLog::record, jobId);
    }

    /** Closes the latest open entry for that step and scene; a failure with no open entry is still recorded. */
    private void end(String jobId, Step step, Integer sceneIndex, StepRecord.Outcome outcome, String detail) {
        Long open = sceneIndex == null
                ? jdbc.queryForObject("SELECT MAX(id) FROM step_log WHERE job_id = ? AND step = ? AND scene_index IS NULL "
                        + "AND outcome = ?", Long.class, jobId, step.name(), StepRecord.Outcome.RUNNING.name())
                : jdbc.queryForObject("SELECT MAX(id) FROM step_log WHERE job_id = ? AND step = ? AND scene_index = ? "
                        + "AND outcome = ?", Long.class, jobId, step.name(), sceneIndex, StepRecord.Outcome.RUNNING.name());
        if (open != null) {
            jdbc.update("UPDATE step_log SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?",
                    LedgerTime.now(clock), outcome.name(), JobLedger.truncate(detail), open);
        } else {
            jdbc.update("INSERT INTO step_log (job_id, step, scene_index, attempt, started_at, finished_at, outcome, detail) "
                            + "VALUES (?, ?, ?, (SELECT COALESCE(MAX(attempt), 1) FROM jobs WHERE id = ?), ?, ?, ?, ?)",
                    jobId, step.name(), sceneIndex, jobId, LedgerTime.now(clock), LedgerTime.now(clock), outcome.name(),
                    JobLedger.truncate(detail));
        }
    }

    private static StepRecord record(ResultSet row, int index) throws SQLException {
        int scene = row.getInt("scene_index");
        Integer sceneIndex = row.wasNull() ? null : scene;
        return new StepRecord(
                Step.valueOf(row.getString("step")),
                sceneIndex,
                row.getInt("attempt"),
                LedgerTime.read(row, "started_at"),
                LedgerTime.read(row, "finished_at"),
                StepRecord.Outcome.valueOf(row.getString("outcome")),
                row.getString("detail"));
    }
}
