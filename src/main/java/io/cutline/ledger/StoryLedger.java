package io.cutline.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.model.Brief;
import io.cutline.model.Scene;
import io.cutline.model.Storyboard;
import io.cutline.model.TopicChoice;
import io.cutline.timing.TimingPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/** Briefs, storyboards, their scenes with timing plans, and the clips of each scene. */
public record StoryLedger(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {

    /** The brief, and why its topic was chosen (null for a brief written before topics were ranked). */
    public void saveBrief(String jobId, Brief brief, String writer, TopicChoice choice) {
        jdbc.update("INSERT INTO briefs (job_id, topic, writer, body, topic_choice, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                jobId, brief.topic(), writer, write(brief), choice == null ? null : write(choice), LedgerTime.now(clock));
    }

    public Optional<Brief> brief(String jobId) {
        return jdbc.queryForList("SELECT body FROM briefs WHERE job_id = ?", String.class, jobId).stream()
                .findFirst().map(body -> read(body, Brief.class));
    }

    /** Why the job's topic was chosen: its score breakdown and its signals. */
    public Optional<TopicChoice> topicChoice(String jobId) {
        return jdbc.queryForList("SELECT topic_choice FROM briefs WHERE job_id = ? AND topic_choice IS NOT NULL", String.class, jobId)
                .stream().findFirst().map(body -> read(body, TopicChoice.class));
    }

    /** Topics the channel covered since {@code since}, most recent first. */
    public List<String> topicsOf(String channelId, OffsetDateTime since) {
        return jdbc.queryForList("SELECT b.topic FROM briefs b JOIN jobs j ON j.id = b.job_id WHERE j.channel_id = ? "
                + "AND b.created_at >= ? ORDER BY b.created_at DESC", String.class, channelId, since);
    }

    public void saveStoryboard(String jobId, Storyboard storyboard, String writer) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO storyboards (job_id, title, writer, body, created_at) VALUES (?, ?, ?, ?, ?)",
                    jobId, storyboard.title(), writer, write(storyboard), LedgerTime.now(clock));
            int index = 0;
            for (Storyboard.SceneDraft scene : storyboard.scenes()) {
                jdbc.update("INSERT INTO scenes (job_id, scene_index, narration, visual_prompt, style) VALUES (?, ?, ?, ?, ?)",
                        jobId, index++, scene.narration(), scene.visualPrompt(), scene.style() == null ? Scene.BROLL : scene.style());
            }
        });
    }

    public Optional<Storyboard> storyboard(String jobId) {
        return jdbc.queryForList("SELECT body FROM storyboards WHERE job_id = ?", String.class, jobId).stream()
                .findFirst().map(body -> read(body, Storyboard.class));
    }

    public List<Scene> scenes(String jobId) {
        return scenes(jobId, "", new Object[] {jobId});
    }

    /** One scene, read on its own (a scene's plan and clips are read at every step of its generation). */
    public Scene scene(String jobId, int index) {
        return scenes(jobId, " AND s.scene_index = ?", new Object[] {jobId, index}).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " has no scene " + index));
    }

    private List<Scene> scenes(String jobId, String which, Object[] args) {
        // one query, the clips joined in: a scene is read at every step of its generation
        Map<Integer, SceneRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT s.scene_index, s.narration, s.visual_prompt, s.style, s.plan, c.clip_key FROM scenes s "
                        + "LEFT JOIN scene_clips c ON c.job_id = s.job_id AND c.scene_index = s.scene_index "
                        + "WHERE s.job_id = ?" + which + " ORDER BY s.scene_index, c.part",
                (RowCallbackHandler) row -> {
                    SceneRow scene = rows.get(row.getInt("scene_index"));
                    if (scene == null) {
                        scene = new SceneRow(row.getInt("scene_index"), row.getString("narration"), row.getString("visual_prompt"),
                                row.getString("style"), row.getString("plan"), new ArrayList<>());
                        rows.put(scene.index(), scene);
                    }
                    String clip = row.getString("clip_key");
                    if (clip != null) {
                        scene.clipKeys().add(clip);
                    }
                }, args);
        return rows.values().stream().map(row -> new Scene(jobId, row.index(), row.narration(), row.visualPrompt(), row.style(),
                row.plan() == null ? null : read(row.plan(), TimingPlan.class), List.copyOf(row.clipKeys()))).toList();
    }

    private record SceneRow(int index, String narration, String visualPrompt, String style, String plan, List<String> clipKeys) {
    }

    public List<Integer> sceneIndexes(String jobId) {
        return jdbc.queryForList("SELECT scene_index FROM scenes WHERE job_id = ? ORDER BY scene_index", Integer.class, jobId);
    }

    /** Stores the scene's timing plan; a new plan (another provider) forgets the clips of the old one. */
    public void savePlan(String jobId, int index, TimingPlan plan) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE scenes SET plan = ? WHERE job_id = ? AND scene_index = ?", write(plan), jobId, index);
            jdbc.update("DELETE FROM scene_clips WHERE job_id = ? AND scene_index = ?", jobId, index);
        });
    }

    public void attachClip(String jobId, int index, int part, String clipKey) {
        Upsert.run(jdbc, "UPDATE scene_clips SET clip_key = ? WHERE job_id = ? AND scene_index = ? AND part = ?",
                new Object[] {clipKey, jobId, index, part},
                "INSERT INTO scene_clips (job_id, scene_index, part, clip_key) VALUES (?, ?, ?, ?)",
                new Object[] {jobId, index, part, clipKey});
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
