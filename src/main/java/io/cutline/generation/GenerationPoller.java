package io.cutline.generation;

import io.cutline.generation.clip.ClipRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.generation.hosted.TaskStatus;
import io.cutline.model.PermanentFailure;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StoryLedger;
import io.cutline.media.MediaStore;
import io.cutline.provider.ProviderException;
import io.cutline.provider.RateLimitedException;
import io.cutline.model.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks after submitted paid generations, a batch of due tasks at a time (no thread waits on a
 * clip): polls each; downloads and verifies a finished clip; settles an unknown outcome with the
 * provider's own lookup (found: adopted; not found: sent again) or, where the provider has no lookup,
 * by the configured policy (park for an operator, or resubmit and count a possible duplicate);
 * resubmits a task the provider failed while attempts remain. Returns the scenes that became ready
 * (or failed for good) so the route can hand them on.
 */
public class GenerationPoller {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationPoller.class);

    /** What to do about a submission whose reply was lost when the provider cannot be asked. */
    public enum UnknownOutcome { PARK, RESUBMIT }

    private final GenerationDesk desk;
    private final ProviderHealth health;
    private final GenerationLedger generations;
    private final StoryLedger stories;
    private final JobLedger jobs;
    private final Map<String, HostedGenerator> hosted;
    private final Map<String, UnknownOutcome> policies;
    private final MediaStore media;
    private final ObjectMapper json;
    private final GenerationMetrics metrics;
    private final int batch;

    public GenerationPoller(GenerationDesk desk, ProviderHealth health, GenerationLedger generations, StoryLedger stories, JobLedger jobs,
                            Map<String, HostedGenerator> hosted, Map<String, UnknownOutcome> policies, MediaStore media,
                            ObjectMapper json, GenerationMetrics metrics, int batch) {
        this.desk = desk;
        this.health = health;
        this.generations = generations;
        this.stories = stories;
        this.jobs = jobs;
        this.hosted = Map.copyOf(hosted);
        this.policies = Map.copyOf(policies);
        this.media = media;
        this.json = json;
        this.metrics = metrics;
        this.batch = batch;
    }

    /** Claims the tasks due for a look now. */
    public List<String> due() {
        return generations.claimDue(batch);
    }

    public List<SceneEvent> check(String key) {
        GenerationTask task = generations.find(key).orElseThrow();
        HostedGenerator generator = hosted.get(task.provider());
        ClipRequest request = request(task);
        try {
            return switch (task.state()) {
                case UNKNOWN -> settle(task, generator, request);
                case SUBMITTED -> poll(task, generator, request);
                case DEFERRED -> wanted(key) ? resend(task, generator, request, GenerationTask.State.DEFERRED, false) : sleep(key);
                default -> List.of();
            };
        } catch (RateLimitedException e) {
            health.failed(task.provider(), e);
            generations.checkLater(key, e.retryAfter() == null ? desk.polls().interval(task.provider()).multipliedBy(2) : e.retryAfter(), null);
        } catch (ProviderException e) {
            health.failed(task.provider(), e);
            generations.checkLater(key, desk.polls().interval(task.provider()).multipliedBy(2), null);
            LOG.warn("checking {} at {}: {}", key.substring(0, 12), task.provider(), e.getMessage());
        }
        return List.of();
    }

    private List<SceneEvent> settle(GenerationTask task, HostedGenerator generator, ClipRequest request) {
        String key = task.contentKey();
        Instant sent = task.sentAt() == null ? Instant.EPOCH : task.sentAt().toInstant();
        if (generator.canLookUp()) {
            Optional<String> found = generator.lookUp(request, GenerationDesk.marker(key, task.attempts()), sent);
            if (found.isPresent()) {
                LOG.info("lost submission {} found at {}: adopted, not paid again", key.substring(0, 12), task.provider());
                generations.adopted(key, found.get());
                metrics.lostReplyAdopted(task.provider());
                return List.of();
            }
            LOG.info("lost submission {} never reached {}: sending it again", key.substring(0, 12), task.provider());
            return resend(task, generator, request, GenerationTask.State.UNKNOWN, false);
        }
        if (policies.getOrDefault(task.provider(), UnknownOutcome.PARK) == UnknownOutcome.RESUBMIT) {
            LOG.warn("lost submission {} at {}, which cannot be asked: resubmitting, possible duplicate", key.substring(0, 12),
                    task.provider());
            generations.possibleDuplicate(key);
            metrics.possibleDuplicate(task.provider());
            return resend(task, generator, request, GenerationTask.State.UNKNOWN, false);
        }
        String reason = "unknown outcome: the submission of clip " + key.substring(0, 12) + " to " + task.provider() + " at " + sent
                + " got no reply, and " + task.provider() + " cannot be asked whether it arrived; check its dashboard, then retry "
                + "the job to submit again (a possible duplicate)";
        generations.fail(key, reason);
        return failed(key, reason);
    }

    private List<SceneEvent> poll(GenerationTask task, HostedGenerator generator, ClipRequest request) {
        String key = task.contentKey();
        TaskStatus status = generator.status(task.handle());
        if (status.phase() == TaskStatus.Phase.WORKING) {
            generations.checkLater(key, status.retryAfter() != null ? status.retryAfter() : desk.polls().next(task.provider(), task.checks()), null);
            return List.of();
        }
        if (status.phase() == TaskStatus.Phase.SUCCEEDED) {
            Path target = media.clipPath(key);
            Path candidate = MediaStore.temporaryFor(target);
            try {
                generator.download(status, candidate);
                var clip = desk.verify(candidate, request);
                MediaStore.moveIntoPlace(candidate, target);
                generations.succeed(key, target.toString(), clip.durationSeconds());
                return ready(key);
            } catch (ProviderException e) {
                // made and paid for, only the download failed: fetched again later, never ordered again
                LOG.warn("downloading finished clip {} from {} failed, trying again in {}: {}", key.substring(0, 12), task.provider(),
                        desk.polls().downloadRetry(), e.getMessage());
                generations.checkLater(key, desk.polls().downloadRetry(), "download failed, to be tried again: " + e.getMessage());
                return List.of();
            } catch (RuntimeException e) {
                generations.fail(key, "the finished clip is unusable: " + e.getMessage());
                return retryOrFail(task, generator, request, "the finished clip is unusable: " + e.getMessage());
            } finally {
                MediaStore.deleteQuietly(candidate);
            }
        }
        generations.failedAtProvider(key, status.failure());
        return retryOrFail(task, generator, request, status.failure());
    }

    /** A task the provider reported failed (or delivered unusable) may be sent again while attempts remain. */
    private List<SceneEvent> retryOrFail(GenerationTask task, HostedGenerator generator, ClipRequest request, String failure) {
        if (task.attempts() < desk.maxAttempts()) {
            return resend(generations.find(task.contentKey()).orElseThrow(), generator, request, GenerationTask.State.FAILED, true);
        }
        return failed(task.contentKey(), "clip " + task.contentKey().substring(0, 12) + " failed at " + task.provider() + " "
                + task.attempts() + " times: " + failure);
    }

    /** Sends a task again; a refusal fails its scenes for good. */
    private List<SceneEvent> resend(GenerationTask task, HostedGenerator generator, ClipRequest request, GenerationTask.State from,
                                    boolean countAttempt) {
        try {
            desk.send(task.jobId(), firstSceneUsing(task.contentKey()), generator, request, task.contentKey(), from, countAttempt);
        } catch (RateLimitedException e) {
            retryDeferredLater(task.contentKey(), e.retryAfter());
        } catch (ProviderException e) {
            retryDeferredLater(task.contentKey(), null);
        } catch (PermanentFailure e) {
            return failed(task.contentKey(), e.getMessage());
        }
        return List.of();
    }

    /** A resubmission refused before it was taken (429, no connection) goes back on the poller's list, known unpaid. */
    private void retryDeferredLater(String key, Duration wait) {
        generations.find(key).filter(row -> row.state() == GenerationTask.State.DEFERRED).ifPresent(row ->
                generations.deferUntil(key, wait == null ? desk.polls().interval(row.provider()).multipliedBy(2) : wait));
    }

    /** Whether a job still generating plans this clip (a parked or re-planned job's waiting clip is not sent). */
    private boolean wanted(String key) {
        return generations.scenesUsing(key).stream().anyMatch(use -> jobs.isAt(use[0], Step.GENERATION));
    }

    private List<SceneEvent> sleep(String key) {
        generations.dormant(key);
        return List.of();
    }

    /** Scenes using this clip whose clips are now all made, and whose job is still generating. */
    private List<SceneEvent> ready(String key) {
        List<SceneEvent> events = new ArrayList<>();
        for (String[] use : generations.scenesUsing(key)) {
            String jobId = use[0];
            int sceneIndex = Integer.parseInt(use[1]);
            if (!jobs.isAt(jobId, Step.GENERATION) || !desk.hasClip(jobId, sceneIndex)) {
                continue;
            }
            Scene scene = stories.scene(jobId, sceneIndex);
            events.add(new SceneEvent(jobId, sceneIndex, stories.sceneIndexes(jobId).size(), String.join(",", scene.clipKeys()), null));
        }
        return events;
    }

    private List<SceneEvent> failed(String key, String reason) {
        return generations.scenesUsing(key).stream()
                .filter(use -> jobs.isAt(use[0], Step.GENERATION))
                .map(use -> new SceneEvent(use[0], Integer.parseInt(use[1]), 0, null, reason))
                .toList();
    }

    private int firstSceneUsing(String key) {
        return generations.scenesUsing(key).stream().findFirst().map(use -> Integer.parseInt(use[1])).orElse(0);
    }

    private ClipRequest request(GenerationTask task) {
        try {
            return json.readValue(task.request(), ClipRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException("ledger holds an unreadable clip request for " + task.contentKey(), e);
        }
    }
}
