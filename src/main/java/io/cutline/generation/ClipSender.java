package io.cutline.generation;

import java.time.Duration;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.model.PermanentFailure;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;

/**
 * Sends one paid submission, once it has passed the {@link SubmissionGate}, and records what the
 * reply (or its absence) means: the provider's handle, a refusal, or an unknown outcome. The
 * provider's circuit breaker learns of every answer.
 */
public record ClipSender(SubmissionGate gate, JobLedger jobs, StepLog stepLog, GenerationLedger generations,
                         ProviderHealth health, PollSchedule polls) {

    /**
     * Sends one paid submission from a state in which it is known not to be paid for, if the gate
     * lets it through (if not, it waits DEFERRED for the poller). A 429 or a refused connection leaves
     * it DEFERRED (and is thrown, so the route tries again later); no reply leaves it UNKNOWN; a
     * refusal fails it.
     */
    void send(String jobId, int sceneIndex, HostedGenerator generator, ClipRequest request, String key, GenerationTask.State from,
              boolean countAttempt) {
        if (!gate.admit(jobId, generator, request, key, from, countAttempt)) {
            return;
        }
        stepLog.begin(jobId, Step.GENERATION, sceneIndex, jobs.require(jobId).attempt());
        int attempt = generations.find(key).map(GenerationTask::attempts).orElse(1);
        try {
            generations.submitted(key, generator.submit(request, ContentKey.marker(key, attempt)), polls.interval(generator.provider()),
                    !generator.canLookUp());
            health.succeeded(generator.provider());
            stepLog.succeed(jobId, Step.GENERATION, sceneIndex, generator.provider() + " accepted " + key.substring(0, 12));
        } catch (RateLimitedException e) {
            health.failed(generator.provider(), e);
            generations.deferred(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        } catch (ProviderUnavailableException e) {
            health.failed(generator.provider(), e);
            if (e.requestSent()) {
                generations.unknown(key, e.getMessage(), Duration.ZERO);
                stepLog.succeed(jobId, Step.GENERATION, sceneIndex, "no reply from " + generator.provider() + ": outcome unknown, to be checked");
            } else {
                generations.deferred(key, e.getMessage());
                stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
                throw e;
            }
        } catch (PermanentFailure e) {
            generations.fail(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            generations.unknown(key, e.getMessage(), Duration.ZERO);
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
        }
    }
}
