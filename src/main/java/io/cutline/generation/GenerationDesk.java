package io.cutline.generation;

import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.model.Scene;
import io.cutline.timing.TimingPlan;
import io.cutline.timing.TimingPlanner;

/**
 * Layer 3, per scene, what the routes ask about it: its timing plan for the chosen provider (fixed
 * from its measured narration and the lengths the provider can make), and whether every clip of that
 * plan is made. A clip request whose content key already has a finished clip (from this job or any
 * other) counts as made.
 */
public record GenerationDesk(StoryLedger stories, VoiceLedger voices, TimingPlanner planner, GeneratorCatalog catalog, ClipStore clips) {

    /**
     * Plans the scene's clips for {@code provider} from its measured narration, unless it already has
     * a plan for that provider (a resumed job keeps its plan and the clips made for it).
     */
    public TimingPlan plan(String jobId, int sceneIndex, String provider) {
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() != null && scene.plan().provider().equals(provider)) {
            return scene.plan();
        }
        TimingPlan plan = draft(provider, narrationSeconds(jobId, sceneIndex), scene);
        stories.savePlan(jobId, sceneIndex, plan);
        return plan;
    }

    /** Whether every clip of the scene's plan is made and its file still there. */
    public boolean hasClip(String jobId, int sceneIndex) {
        Scene scene = stories.scene(jobId, sceneIndex);
        return scene.fullyGenerated() && scene.clipKeys().stream().allMatch(key -> clips.finished(key).isPresent());
    }

    /** The scene's clip keys in play order, for the aggregator's claim check. */
    public String clipKeys(String jobId, int sceneIndex) {
        return String.join(",", stories.scene(jobId, sceneIndex).clipKeys());
    }

    /** The plan the scene would get at {@code provider}, not saved: what the router prices a candidate by. */
    TimingPlan draft(String provider, double narrationSeconds, Scene scene) {
        return planner.plan(provider, narrationSeconds, scene.visualPrompt(), catalog.durations(provider));
    }

    /** The scene's longest narration in any of the job's languages: one plan (one set of clips) serves them all. */
    double narrationSeconds(String jobId, int sceneIndex) {
        return voices.longestNarration(jobId, sceneIndex).orElseThrow(() ->
                new IllegalStateException("scene " + sceneIndex + " of job " + jobId + " has no measured narration"));
    }
}
