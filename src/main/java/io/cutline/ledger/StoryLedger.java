package io.cutline.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.story.Brief;
import io.cutline.story.Scene;
import io.cutline.story.Storyboard;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Briefs, storyboards and their scenes. Each is written once per job; a rerun finds the first one. */
public class StoryLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public StoryLedger(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public void saveBrief(String jobId, Brief brief, String writer) {
        jdbc.update("INSERT INTO briefs (job_id, topic, writer, body, created_at) VALUES (?, ?, ?, ?, ?)",
                jobId, brief.topic(), writer, write(brief), LedgerTime.now(clock));
    }

    public Optional<Brief> brief(String jobId) {
        return jdbc.queryForList("SELECT body FROM briefs WHERE job_id = ?", String.class, jobId).stream()
                .findFirst().map(body -> read(body, Brief.class));
    }

    /** Topics already covered by the channel, most recent first. */
    public List<String> topicsOf(String channelId) {
        return jdbc.queryForList("SELECT b.topic FROM briefs b JOIN jobs j ON j.id = b.job_id WHERE j.channel_id = ? "
                + "ORDER BY b.created_at DESC", String.class, channelId);
    }

    public void saveStoryboard(String jobId, Storyboard storyboard, String writer) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO storyboards (job_id, title, writer, body, created_at) VALUES (?, ?, ?, ?, ?)",
                    jobId, storyboard.title(), writer, write(storyboard), LedgerTime.now(clock));
            int index = 0;
            for (Storyboard.SceneDraft scene : storyboard.scenes()) {
                jdbc.update("INSERT INTO scenes (job_id, scene_index, narration, visual_prompt) VALUES (?, ?, ?, ?)",
                        jobId, index++, scene.narration(), scene.visualPrompt());
            }
        });
    }

    public Optional<Storyboard> storyboard(String jobId) {
        return jdbc.queryForList("SELECT body FROM storyboards WHERE job_id = ?", String.class, jobId).stream()
                .findFirst().map(body -> read(body, Storyboard.class));
    }

    public List<Scene> scenes(String jobId) {
        return jdbc.query("SELECT scene_index, narration, visual_prompt, clip_key FROM scenes WHERE job_id = ? ORDER BY scene_index",
                (row, i) -> new Scene(jobId, row.getInt("scene_index"), row.getString("narration"),
                        row.getString("visual_prompt"), row.getString("clip_key")), jobId);
    }

    public Scene scene(String jobId, int index) {
        return scenes(jobId).stream().filter(scene -> scene.index() == index).findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no scene " + index));
    }

    public List<Integer> sceneIndexes(String jobId) {
        return jdbc.queryForList("SELECT scene_index FROM scenes WHERE job_id = ? ORDER BY scene_index", Integer.class, jobId);
    }

    public void attachClip(String jobId, int index, String clipKey) {
        jdbc.update("UPDATE scenes SET clip_key = ? WHERE job_id = ? AND scene_index = ?", clipKey, jobId, index);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger holds an unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
