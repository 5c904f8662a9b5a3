package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;

import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Scene;

/**
 * Layer 4, for a job with language or hook variants: once its clips are made, each waiting variant
 * gets the job's timing plans and clips, scene for scene (the clips carry no text, so every language
 * and every opening line plays the same ones and they are paid for once), and is released to assembly
 * as a job of its own.
 */
public record VariantRelease(StoryLedger stories, LanguageLedger languages, HookLedger hooks) {

    /** The ids of the variants released now (none for a job without variants, or whose variants went on already). */
    public List<String> release(String jobId) {
        List<String> released = new ArrayList<>();
        List<Scene> scenes = stories.scenes(jobId);
        for (LanguageLedger.Variant variant : languages.variants(jobId)) {
            share(jobId, scenes, variant.jobId(), "language variant " + variant.jobId() + " (" + variant.language() + ")");
            if (languages.release(variant.jobId())) {
                released.add(variant.jobId());
            }
        }
        for (HookLedger.Variant variant : hooks.madeVariants(jobId)) {
            share(jobId, scenes, variant.jobId(), "hook variant " + variant.jobId() + " (" + variant.hookStyle() + ")");
            if (hooks.release(variant.jobId())) {
                released.add(variant.jobId());
            }
        }
        return released;
    }

    private void share(String jobId, List<Scene> scenes, String variantJobId, String variantName) {
        List<Integer> variantScenes = stories.sceneIndexes(variantJobId);
        if (variantScenes.size() != scenes.size()) {
            throw new IllegalStateException(variantName + " has " + variantScenes.size() + " scenes, job " + jobId + " has " + scenes.size());
        }
        for (Scene scene : scenes) {
            if (!scene.fullyGenerated()) {
                throw new IllegalStateException("scene " + scene.index() + " of job " + jobId + " has no finished clips");
            }
            stories.savePlan(variantJobId, scene.index(), scene.plan());
            for (int part = 0; part < scene.clipKeys().size(); part++) {
                stories.attachClip(variantJobId, scene.index(), part, scene.clipKeys().get(part));
            }
        }
    }
}
