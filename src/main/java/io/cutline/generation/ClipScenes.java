package io.cutline.generation;

import java.util.ArrayList;
import java.util.List;

import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StoryLedger;

/**
 * The scenes a paid clip serves (jobs asking for the same clip share it), and what the poller's news
 * about the clip means for each of them whose job is still generating.
 */
public class ClipScenes {

    private final GenerationLedger generations;
    private final JobLedger jobs;
    private final StoryLedger stories;
    private final GenerationDesk desk;

    public ClipScenes(GenerationLedger generations, JobLedger jobs, StoryLedger stories, GenerationDesk desk) {
        this.generations = generations;
        this.jobs = jobs;
        this.stories = stories;
        this.desk = desk;
    }

    /** Scenes using this clip whose clips are now all made, and whose job is still generating. */
    List<SceneEvent> ready(String key) {
        List<SceneEvent> events = new ArrayList<>();
        for (String[] use : generations.scenesUsing(key)) {
            String jobId = use[0];
            int sceneIndex = Integer.parseInt(use[1]);
            if (!jobs.isAt(jobId, Step.GENERATION) || !desk.hasClip(jobId, sceneIndex)) {
                continue;
            }
            events.add(new SceneEvent(jobId, sceneIndex, stories.sceneIndexes(jobId).size(), desk.clipKeys(jobId, sceneIndex), null));
        }
        return events;
    }

    List<SceneEvent> failed(String key, String reason) {
        return generations.scenesUsing(key).stream()
                .filter(use -> jobs.isAt(use[0], Step.GENERATION))
                .map(use -> new SceneEvent(use[0], Integer.parseInt(use[1]), 0, null, reason))
                .toList();
    }

    /** Whether a job still generating plans this clip (a parked or re-planned job's waiting clip is not sent). */
    boolean wanted(String key) {
        return generations.scenesUsing(key).stream().anyMatch(use -> jobs.isAt(use[0], Step.GENERATION));
    }

    int firstSceneUsing(String key) {
        return generations.scenesUsing(key).stream().findFirst().map(use -> Integer.parseInt(use[1])).orElse(0);
    }
}
