package io.cutline.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.model.WordTiming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The voice_tracks table: one measured narration per scene, with its word timings. */
public class VoiceLedger {

    private static final TypeReference<List<WordTiming>> WORDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final RowMapper<VoiceTrack> track;

    public VoiceLedger(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.track = (row, i) -> new VoiceTrack(row.getString("job_id"), row.getInt("scene_index"), row.getString("provider"),
                row.getString("audio_path"), row.getDouble("duration_seconds"), words(row.getString("words")));
    }

    public void save(VoiceTrack track) {
        String words = write(track.words());
        Upsert.run(jdbc,
                "UPDATE voice_tracks SET provider = ?, audio_path = ?, duration_seconds = ?, words = ?, created_at = ? "
                        + "WHERE job_id = ? AND scene_index = ?",
                new Object[] {track.provider(), track.audioPath(), track.durationSeconds(), words, LedgerTime.now(clock),
                        track.jobId(), track.sceneIndex()},
                "INSERT INTO voice_tracks (job_id, scene_index, provider, audio_path, duration_seconds, words, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                new Object[] {track.jobId(), track.sceneIndex(), track.provider(), track.audioPath(), track.durationSeconds(),
                        words, LedgerTime.now(clock)});
    }

    public Optional<VoiceTrack> find(String jobId, int sceneIndex) {
        return jdbc.query("SELECT * FROM voice_tracks WHERE job_id = ? AND scene_index = ?", track, jobId, sceneIndex)
                .stream().findFirst();
    }

    /**
     * The longest measured narration of the scene among the job and its language and hook variants:
     * what the scene's clips must cover, since every variant plays the same clips.
     */
    public Optional<Double> longestNarration(String jobId, int sceneIndex) {
        // three lookups by key, not one scan of every voice track: a disjunction of the three would be read row by row
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(seconds) FROM ("
                + "SELECT duration_seconds AS seconds FROM voice_tracks WHERE job_id = ? AND scene_index = ? "
                + "UNION ALL SELECT t.duration_seconds FROM language_variants v JOIN voice_tracks t ON t.job_id = v.job_id "
                + "WHERE v.original_job_id = ? AND t.scene_index = ? "
                + "UNION ALL SELECT t.duration_seconds FROM hook_variants v JOIN voice_tracks t ON t.job_id = v.job_id "
                + "WHERE v.original_job_id = ? AND t.scene_index = ?) narrations",
                Double.class, jobId, sceneIndex, jobId, sceneIndex, jobId, sceneIndex));
    }

    public List<VoiceTrack> forJob(String jobId) {
        return jdbc.query("SELECT * FROM voice_tracks WHERE job_id = ? ORDER BY scene_index", track, jobId);
    }

    private String write(List<WordTiming> words) {
        try {
            return json.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WordTiming> words(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, WORDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger holds unreadable word timings: " + e.getOriginalMessage(), e);
        }
    }
}
