package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;

import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Scene;

/**
 * Layer 4, for a job with language variants: once its clips are made, each waiting variant gets the
 * job's timing plans and clips, scene for scene (the clips carry no text, so every language plays the
 * same ones and they are paid for once), and is released to assembly as a job of its own.
 */
public record VariantRelease(StoryLedger stories, LanguageLedger languages) {

    /** The ids of the variants released now (none for a job without variants, or whose variants went on already). */
    public List<String> release(String jobId) {
        List<String> released = new ArrayList<>();
        List<Scene> scenes = stories.scenes(jobId);
        for (LanguageLedger.Variant variant : languages.variants(jobId)) {
            List<Integer> variantScenes = stories.sceneIndexes(variant.jobId());
            if (variantScenes.size() != scenes.size()) {
                throw new IllegalStateException("language variant " + variant.jobId() + " (" + variant.language() + ") has "
                        + variantScenes.size() + " scenes, job " + jobId + " has " + scenes.size());
            }
            for (Scene scene : scenes) {
                if (!scene.fullyGenerated()) {
                    throw new IllegalStateException("scene " + scene.index() + " of job " + jobId + " has no finished clips");
                }
                stories.savePlan(variant.jobId(), scene.index(), scene.plan());
                for (int part = 0; part < scene.clipKeys().size(); part++) {
                    stories.attachClip(variant.jobId(), scene.index(), part, scene.clipKeys().get(part));
                }
            }
            if (languages.release(variant.jobId())) {
                released.add(variant.jobId());
            }
        }
        return released;
    }
}
