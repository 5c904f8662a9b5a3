package io.cutline.generation;

import java.util.Optional;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Scene;
import io.cutline.timing.TimingPlan;

/**
 * The hosted path of a scene: makes sure each planned clip is made, on its way, or submitted now.
 * Each submission is committed to the ledger as an intent before it is sent, and its handle
 * recorded when the reply comes; a reply that does not come leaves an unknown outcome for the
 * poller to settle with the provider. Nothing here waits for a clip.
 */
public class ClipSubmitter {

    private final StoryLedger stories;
    private final GenerationLedger generations;
    private final GeneratorCatalog catalog;
    private final ClipRequests requests;
    private final ClipSender sender;
    private final int maxAttempts;

    public ClipSubmitter(StoryLedger stories, GenerationLedger generations, GeneratorCatalog catalog, ClipRequests requests,
                         ClipSender sender, int maxAttempts) {
        this.stories = stories;
        this.generations = generations;
        this.catalog = catalog;
        this.requests = requests;
        this.sender = sender;
        this.maxAttempts = maxAttempts;
    }

    public void submit(String jobId, int sceneIndex, String provider) {
        HostedGenerator generator = catalog.hosted(provider);
        Scene scene = stories.scene(jobId, sceneIndex);
        for (TimingPlan.Clip clip : scene.plan().clips()) {
            ClipRequest request = requests.request(jobId, scene, clip, generator.takesFirstFrame());
            String key = requests.key(generator.provider(), generator.model(), request);
            stories.attachClip(jobId, sceneIndex, clip.part(), key);
            Optional<GenerationTask> task = generations.find(key);
            if (task.isEmpty()) {
                sender.send(jobId, sceneIndex, generator, request, key, null, false);
            } else if (task.get().state() == GenerationTask.State.DEFERRED) {
                sender.send(jobId, sceneIndex, generator, request, key, GenerationTask.State.DEFERRED, false);
            } else if (task.get().state() == GenerationTask.State.FAILED) {
                if (task.get().attempts() >= maxAttempts) {
                    throw new PermanentFailure("clip " + key.substring(0, 12) + " failed at " + provider + " " + task.get().attempts()
                            + " times: " + task.get().error());
                }
                sender.send(jobId, sceneIndex, generator, request, key, GenerationTask.State.FAILED, true);
            }
        }
    }
}
