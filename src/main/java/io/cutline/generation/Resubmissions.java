package io.cutline.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.model.PermanentFailure;
import io.cutline.provider.ProviderException;
import io.cutline.provider.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a paid clip again only when it is known not to be paid for twice: settles an unknown outcome
 * with the provider's own lookup (found: adopted; not found: sent again) or, where the provider has
 * no lookup, by the configured policy (park for an operator, or resubmit and count a possible
 * duplicate); resubmits a task the provider failed while attempts remain; sends a clip that waited
 * for room once a job still wants it.
 */
public class Resubmissions {

    private static final Logger LOG = LoggerFactory.getLogger(Resubmissions.class);

    /** What to do about a submission whose reply was lost when the provider cannot be asked. */
    public enum UnknownOutcome { PARK, RESUBMIT }

    private final GenerationLedger generations;
    private final ClipSender sender;
    private final ClipScenes scenes;
    private final PollSchedule polls;
    private final Map<String, UnknownOutcome> policies;
    private final int maxAttempts;

    public Resubmissions(GenerationLedger generations, ClipSender sender, ClipScenes scenes, PollSchedule polls,
                         Map<String, UnknownOutcome> policies, int maxAttempts) {
        this.generations = generations;
        this.sender = sender;
        this.scenes = scenes;
        this.polls = polls;
        this.policies = Map.copyOf(policies);
        this.maxAttempts = maxAttempts;
    }

    List<SceneEvent> settle(GenerationTask task, HostedGenerator generator, ClipRequest request) {
        String key = task.contentKey();
        Instant sent = task.sentAt() == null ? Instant.EPOCH : task.sentAt().toInstant();
        if (generator.canLookUp()) {
            Optional<String> found = generator.lookUp(request, ContentKey.marker(key, task.attempts()), sent);
            if (found.isPresent()) {
                LOG.info("lost submission {} found at {}: adopted, not paid again", key.substring(0, 12), task.provider());
                generations.adopted(key, found.get());
                return List.of();
            }
            LOG.info("lost submission {} never reached {}: sending it again", key.substring(0, 12), task.provider());
            return resend(task, generator, request, GenerationTask.State.UNKNOWN, false);
        }
        generations.unsettled(key);
        if (policies.getOrDefault(task.provider(), UnknownOutcome.PARK) == UnknownOutcome.RESUBMIT) {
            LOG.warn("lost submission {} at {}, which cannot be asked: resubmitting, possible duplicate", key.substring(0, 12),
                    task.provider());
            return resend(task, generator, request, GenerationTask.State.UNKNOWN, false);
        }
        String reason = "unknown outcome: the submission of clip " + key.substring(0, 12) + " to " + task.provider() + " at " + sent
                + " got no reply, and " + task.provider() + " cannot be asked whether it arrived; check its dashboard, then retry "
                + "the job to submit again (a possible duplicate)";
        generations.fail(key, reason);
        return scenes.failed(key, reason);
    }

    /** A task the provider reported failed (or delivered unusable) may be sent again while attempts remain. */
    List<SceneEvent> retryOrFail(GenerationTask task, HostedGenerator generator, ClipRequest request, String failure) {
        if (task.attempts() < maxAttempts) {
            return resend(generations.find(task.contentKey()).orElseThrow(), generator, request, GenerationTask.State.FAILED, true);
        }
        return scenes.failed(task.contentKey(), "clip " + task.contentKey().substring(0, 12) + " failed at " + task.provider() + " "
                + task.attempts() + " times: " + failure);
    }

    /** A clip that waited for room is sent if a job still wants it; otherwise it sleeps until one asks for it again. */
    List<SceneEvent> sendWaiting(GenerationTask task, HostedGenerator generator, ClipRequest request) {
        if (scenes.wanted(task.contentKey())) {
            return resend(task, generator, request, GenerationTask.State.DEFERRED, false);
        }
        generations.dormant(task.contentKey());
        return List.of();
    }

    /** Sends a task again; a refusal fails its scenes for good. */
    private List<SceneEvent> resend(GenerationTask task, HostedGenerator generator, ClipRequest request, GenerationTask.State from,
                                    boolean countAttempt) {
        try {
            sender.send(task.jobId(), scenes.firstSceneUsing(task.contentKey()), generator, request, task.contentKey(), from, countAttempt);
        } catch (RateLimitedException e) {
            retryDeferredLater(task.contentKey(), e.retryAfter());
        } catch (ProviderException e) {
            retryDeferredLater(task.contentKey(), null);
        } catch (PermanentFailure e) {
            return scenes.failed(task.contentKey(), e.getMessage());
        }
        return List.of();
    }

    /** A resubmission refused before it was taken (429, no connection) goes back on the poller's list, known unpaid. */
    private void retryDeferredLater(String key, Duration wait) {
        generations.find(key).filter(row -> row.state() == GenerationTask.State.DEFERRED).ifPresent(row ->
                generations.deferUntil(key, wait == null ? polls.interval(row.provider()).multipliedBy(2) : wait));
    }
}
