package io.cutline.generation;

import java.nio.file.Path;

import io.cutline.generation.clip.ClipGenerator;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Scene;
import io.cutline.timing.TimingPlan;

/**
 * The synchronous path of a scene (the local renderer, the footage library): each planned clip is
 * made on the calling thread, verified and kept, and each distinct clip request only once.
 */
public class LocalGeneration {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final StepLog stepLog;
    private final GenerationLedger generations;
    private final GeneratorCatalog catalog;
    private final ClipRequests requests;
    private final ClipStore clips;

    public LocalGeneration(JobLedger jobs, StoryLedger stories, StepLog stepLog, GenerationLedger generations, GeneratorCatalog catalog,
                           ClipRequests requests, ClipStore clips) {
        this.jobs = jobs;
        this.stories = stories;
        this.stepLog = stepLog;
        this.generations = generations;
        this.catalog = catalog;
        this.requests = requests;
        this.clips = clips;
    }

    /** Generates the scene's planned clips with a synchronous provider, reusing identical finished ones. */
    public void generate(String jobId, int sceneIndex, String provider) {
        ClipGenerator generator = catalog.synchronous(provider);
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() == null || !scene.plan().provider().equals(provider)) {
            throw new IllegalStateException("scene " + sceneIndex + " of job " + jobId + " has no plan for " + provider);
        }
        for (TimingPlan.Clip clip : scene.plan().clips()) {
            ClipRequest request = requests.request(jobId, scene, clip, false);
            String key = requests.key(generator.provider(), generator.model(), request);
            if (clips.finished(key).isEmpty()) {
                generate(jobId, sceneIndex, generator, request, key);
            }
            stories.attachClip(jobId, sceneIndex, clip.part(), key);
        }
    }

    private void generate(String jobId, int sceneIndex, ClipGenerator generator, ClipRequest request, String key) {
        stepLog.begin(jobId, Step.GENERATION, sceneIndex, jobs.require(jobId).attempt());
        generations.begin(key, generator.provider(), generator.model(), requests.write(request));
        Path place = clips.place(key);
        try {
            clips.keep(key, place, request, candidate -> generator.generate(request, candidate));
            stepLog.succeed(jobId, Step.GENERATION, sceneIndex, generator.provider() + " " + key.substring(0, 12));
        } catch (RuntimeException e) {
            generations.fail(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        }
    }
}
