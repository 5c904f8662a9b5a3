package io.cutline.ledger;

/** A row of generation_tasks: one distinct generation, keyed by the hash of (provider, model, input). */
public record GenerationTask(String contentKey, String provider, String model, String request, State state,
                             String providerTaskId, String clipPath, Double durationSeconds, int attempts, String error) {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }
}
