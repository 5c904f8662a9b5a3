package io.cutline.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.StepRecord;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Brief;
import io.cutline.model.Scene;
import io.cutline.model.Storyboard;

/** Reads each scene of a job into a {@link JobView.SceneView}: its text and the facts it draws on, voice track, timing plan, clips and last error. */
public class SceneViews {

    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final GenerationLedger generations;

    public SceneViews(StoryLedger stories, VoiceLedger voices, GenerationLedger generations) {
        this.stories = stories;
        this.voices = voices;
        this.generations = generations;
    }

    /** The job's scenes in order; {@code log} is the job's step log, for each scene's latest failure. */
    List<JobView.SceneView> describe(String jobId, List<StepRecord> log) {
        Map<Integer, VoiceTrack> tracks = voices.forJob(jobId).stream()
                .collect(Collectors.toMap(VoiceTrack::sceneIndex, Function.identity()));
        List<String> beats = stories.brief(jobId).map(Brief::beats).orElse(List.of());
        List<Storyboard.SceneDraft> drafts = stories.storyboard(jobId).map(Storyboard::scenes).orElse(List.of());
        List<JobView.SceneView> scenes = new ArrayList<>();
        for (Scene scene : stories.scenes(jobId)) {
            List<String> facts = scene.index() < drafts.size() ? drafts.get(scene.index()).facts().stream()
                    .filter(beat -> beat <= beats.size()).map(beat -> beats.get(beat - 1)).toList() : List.of();
            VoiceTrack track = tracks.get(scene.index());
            List<JobView.ClipView> clips = scene.clipKeys().stream()
                    .map(key -> generations.find(key).map(task -> new JobView.ClipView(task.contentKey(), task.provider(), task.model(),
                            task.state().name(), task.clipPath(), task.durationSeconds(), task.attempts(), task.error(),
                            task.paidSubmissions(), task.possibleDuplicates())).orElse(null))
                    .filter(Objects::nonNull)
                    .toList();
            String error = log.stream()
                    .filter(entry -> Objects.equals(entry.sceneIndex(), scene.index()))
                    .reduce((first, second) -> second)
                    .filter(entry -> entry.outcome() == StepRecord.Outcome.FAILED)
                    .map(entry -> entry.step() + ": " + entry.detail())
                    .orElse(null);
            scenes.add(new JobView.SceneView(scene.index(), scene.narration(), facts, scene.visualPrompt(), scene.style(),
                    track == null ? null : new JobView.VoiceView(track.provider(), track.audioPath(), track.durationSeconds(),
                            track.words().size()),
                    scene.plan(), clips, error));
        }
        return scenes;
    }
}
