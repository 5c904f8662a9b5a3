package io.cutline.ledger;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The generation_tasks table: what was asked of which provider, and what came back. */
public class GenerationLedger {

    private static final RowMapper<GenerationTask> TASK = (row, i) -> {
        double duration = row.getDouble("duration_seconds");
        Double durationSeconds = row.wasNull() ? null : duration;
        return new GenerationTask(row.getString("content_key"), row.getString("provider"), row.getString("model"),
                row.getString("request"), GenerationTask.State.valueOf(row.getString("state")),
                row.getString("provider_task_id"), row.getString("clip_path"), durationSeconds,
                row.getInt("attempts"), row.getString("error"));
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public GenerationLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<GenerationTask> find(String contentKey) {
        return jdbc.query("SELECT * FROM generation_tasks WHERE content_key = ?", TASK, contentKey).stream().findFirst();
    }

    /** Records an attempt at a generation (the first, or one more after a failure). */
    public void begin(String contentKey, String provider, String model, String request) {
        var now = LedgerTime.now(clock);
        Upsert.run(jdbc,
                "UPDATE generation_tasks SET state = ?, attempts = attempts + 1, error = NULL, updated_at = ? WHERE content_key = ?",
                new Object[] {GenerationTask.State.RUNNING.name(), now, contentKey},
                "INSERT INTO generation_tasks (content_key, provider, model, request, state, attempts, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                new Object[] {contentKey, provider, model, request, GenerationTask.State.RUNNING.name(), now, now});
    }

    public void succeed(String contentKey, String clipPath, double durationSeconds) {
        jdbc.update("UPDATE generation_tasks SET state = ?, clip_path = ?, duration_seconds = ?, updated_at = ? WHERE content_key = ?",
                GenerationTask.State.SUCCEEDED.name(), clipPath, durationSeconds, LedgerTime.now(clock), contentKey);
    }

    public void fail(String contentKey, String error) {
        jdbc.update("UPDATE generation_tasks SET state = ?, error = ?, updated_at = ? WHERE content_key = ?",
                GenerationTask.State.FAILED.name(), JobLedger.truncate(error), LedgerTime.now(clock), contentKey);
    }
}
