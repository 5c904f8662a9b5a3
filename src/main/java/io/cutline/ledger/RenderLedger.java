package io.cutline.ledger;

import io.cutline.model.Render;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The renders table: each rendition of a job's video, measured. */
public class RenderLedger {

    private static final RowMapper<Render> RENDER = (row, i) -> new Render(row.getString("job_id"),
            row.getString("rendition"), row.getString("path"), row.getInt("width"), row.getInt("height"),
            row.getDouble("duration_seconds"), row.getString("thumbnail_path"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RenderLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void save(Render render) {
        Upsert.run(jdbc,
                "UPDATE renders SET path = ?, width = ?, height = ?, duration_seconds = ?, thumbnail_path = ?, created_at = ? "
                        + "WHERE job_id = ? AND rendition = ?",
                new Object[] {render.path(), render.width(), render.height(), render.durationSeconds(), render.thumbnailPath(),
                        LedgerTime.now(clock), render.jobId(), render.rendition()},
                "INSERT INTO renders (job_id, rendition, path, width, height, duration_seconds, thumbnail_path, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new Object[] {render.jobId(), render.rendition(), render.path(), render.width(), render.height(),
                        render.durationSeconds(), render.thumbnailPath(), LedgerTime.now(clock)});
    }

    public List<Render> forJob(String jobId) {
        return jdbc.query("SELECT * FROM renders WHERE job_id = ? ORDER BY rendition", RENDER, jobId);
    }

    public Optional<Render> find(String jobId, String rendition) {
        return jdbc.query("SELECT * FROM renders WHERE job_id = ? AND rendition = ?", RENDER, jobId, rendition).stream().findFirst();
    }
}
