package io.cutline.generation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.generation.hosted.TaskStatus;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.provider.DownloadRefusedException;
import io.cutline.provider.ProviderException;
import io.cutline.provider.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks after submitted paid generations, a batch of due tasks at a time (no thread waits on a
 * clip): polls each; downloads and verifies a finished clip; hands unknown outcomes, failed tasks and
 * clips waiting for room to {@link Resubmissions}. Returns the scenes that became ready (or failed
 * for good) so the route can hand them on.
 */
public record GenerationPoller(GenerationLedger generations, GeneratorCatalog catalog, ClipRequests requests,
                               ProviderHealth health, PollSchedule polls, ClipStore clips, ClipScenes scenes,
                               Resubmissions resubmissions) {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationPoller.class);

    /** Claims the tasks due for a look now, read as they were claimed. */
    public List<GenerationTask> due() {
        return generations.claimDue(polls.batch());
    }

    public List<SceneEvent> check(GenerationTask task) {
        String key = task.contentKey();
        HostedGenerator generator = catalog.hosted(task.provider());
        try {
            return switch (task.state()) {
                case UNKNOWN -> resubmissions.settle(task, generator, request(key));
                case SUBMITTED -> poll(task, generator);
                case DEFERRED -> resubmissions.sendWaiting(task, generator, request(key));
                default -> List.of();
            };
        } catch (RateLimitedException e) {
            health.failed(task.provider(), e);
            generations.checkLater(key, e.retryAfter() == null ? polls.interval(task.provider()).multipliedBy(2) : e.retryAfter(), null);
        } catch (ProviderException e) {
            health.failed(task.provider(), e);
            generations.checkLater(key, polls.interval(task.provider()).multipliedBy(2), null);
            LOG.warn("checking {} at {}: {}", key.substring(0, 12), task.provider(), e.getMessage());
        }
        return List.of();
    }

    /** Read only to send or verify a clip: most looks find it still working and need none. */
    private ClipRequest request(String key) {
        return requests.read(key, generations.request(key));
    }

    private List<SceneEvent> poll(GenerationTask task, HostedGenerator generator) {
        String key = task.contentKey();
        TaskStatus status = generator.status(task.handle());
        if (status.phase() == TaskStatus.Phase.WORKING) {
            generations.checkLater(key, status.retryAfter() != null ? status.retryAfter() : polls.next(task.provider(), task.checks()), null);
            return List.of();
        }
        ClipRequest request = request(key);
        if (status.phase() == TaskStatus.Phase.SUCCEEDED) {
            // its slot at the provider is free: the clip waiting longest for one goes out before this one is fetched
            generations.doneAtProvider(key);
            List<SceneEvent> sent = nextWaiting(task.provider());
            List<SceneEvent> events = new ArrayList<>(sent);
            events.addAll(collect(task, generator, status, request));
            return events;
        }
        generations.failedAtProvider(key, status.failure());
        return resubmissions.retryOrFail(task, generator, request, status.failure());
    }

    /** Downloads and checks a finished clip: the scenes it made ready, or the outcome of a clip that could not be used. */
    private List<SceneEvent> collect(GenerationTask task, HostedGenerator generator, TaskStatus status, ClipRequest request) {
        String key = task.contentKey();
        // outside the try: no room for the clip here is our failure, not an unusable clip to pay for again
        Path place = clips.place(key);
        try {
            clips.keep(key, place, request, candidate -> generator.download(status, candidate));
            return scenes.ready(key);
        } catch (DownloadRefusedException e) {
            // the provider's answer points somewhere Cutline will not fetch from; ordering again would pay for the same
            generations.fail(key, e.getMessage());
            return scenes.failed(key, "clip " + key.substring(0, 12) + ": " + e.getMessage());
        } catch (ProviderException e) {
            // made and paid for, only the download failed: fetched again later, never ordered again
            LOG.warn("downloading finished clip {} from {} failed, trying again in {}: {}", key.substring(0, 12), task.provider(),
                    polls.downloadRetry(), e.getMessage());
            generations.checkLater(key, polls.downloadRetry(), "download failed, to be tried again: " + e.getMessage());
            return List.of();
        } catch (RuntimeException e) {
            generations.fail(key, "the finished clip is unusable: " + e.getMessage());
            return resubmissions.retryOrFail(task, generator, request, "the finished clip is unusable: " + e.getMessage());
        }
    }

    /**
     * A clip finished: its slot at the provider is free, so the clip that has waited longest for one
     * is sent now, not at its next look (up to a poll interval later, on the critical path of its job).
     */
    private List<SceneEvent> nextWaiting(String provider) {
        return generations.claimWaiting(provider).map(this::check).orElse(List.of());
    }
}
