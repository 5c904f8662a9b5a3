package io.cutline.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The voice_tracks table: one measured narration per scene. */
public class VoiceLedger {

    private static final RowMapper<VoiceTrack> TRACK = (row, i) -> new VoiceTrack(row.getString("job_id"),
            row.getInt("scene_index"), row.getString("provider"), row.getString("audio_path"),
            row.getDouble("duration_seconds"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public VoiceLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void save(VoiceTrack track) {
        Upsert.run(jdbc,
                "UPDATE voice_tracks SET provider = ?, audio_path = ?, duration_seconds = ?, created_at = ? WHERE job_id = ? AND scene_index = ?",
                new Object[] {track.provider(), track.audioPath(), track.durationSeconds(), LedgerTime.now(clock), track.jobId(), track.sceneIndex()},
                "INSERT INTO voice_tracks (job_id, scene_index, provider, audio_path, duration_seconds, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                new Object[] {track.jobId(), track.sceneIndex(), track.provider(), track.audioPath(), track.durationSeconds(), LedgerTime.now(clock)});
    }

    public Optional<VoiceTrack> find(String jobId, int sceneIndex) {
        return jdbc.query("SELECT * FROM voice_tracks WHERE job_id = ? AND scene_index = ?", TRACK, jobId, sceneIndex)
                .stream().findFirst();
    }

    public List<VoiceTrack> forJob(String jobId) {
        return jdbc.query("SELECT * FROM voice_tracks WHERE job_id = ? ORDER BY scene_index", TRACK, jobId);
    }
}
