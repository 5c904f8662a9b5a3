package io.cutline.ledger;

import java.time.OffsetDateTime;

/**
 * A row of generation_tasks: one distinct generation, keyed by the hash of (provider, model, input).
 * For a paid provider it records each step of the submission: SENDING (intent committed, request
 * going out), SUBMITTED (the provider's handle is known), UNKNOWN (no reply: it may or may not have
 * landed), DEFERRED (refused before being taken: safe to send again), then SUCCEEDED or FAILED.
 * RUNNING is the local renderer's single step. Its clip request is kept apart
 * ({@link GenerationLedger#request}).
 */
public record GenerationTask(String contentKey, String provider, String model, State state, String handle,
                             String clipPath, Double durationSeconds, int attempts, String error, String jobId, Double seconds,
                             Double pricePerSecond, OffsetDateTime sentAt, int possibleDuplicates, int paidSubmissions, int checks) {

    public enum State { RUNNING, SENDING, SUBMITTED, UNKNOWN, DEFERRED, SUCCEEDED, FAILED }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }

    /** Sent or being sent, and not ended: the scene waits for the poller. */
    public boolean inFlight() {
        return state == State.SENDING || state == State.SUBMITTED || state == State.UNKNOWN;
    }
}
