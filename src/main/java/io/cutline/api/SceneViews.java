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
import io.cutline.model.Scene;

/** Reads each scene of a job into a {@link JobView.SceneView}: its text, voice track, timing plan, clips and last error. */
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
        List<JobView.SceneView> scenes = new ArrayList<>();
        for (Scene scene : stories.scenes(jobId)) {
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
            scenes.add(new JobView.SceneView(scene.index(), scene.narration(), scene.visualPrompt(), scene.style(),
                    track == null ? null : new JobView.VoiceView(track.provider(), track.audioPath(), track.durationSeconds(),
                            track.words().size()),
                    scene.plan(), clips, error));
        }
        return scenes;
    }
}
