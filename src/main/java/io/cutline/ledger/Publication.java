package io.cutline.ledger;

/** A job's video on one platform. PUBLISHING means started and not known to be finished. */
public record Publication(String jobId, String platform, State state, String location, String error) {

    public enum State { PUBLISHING, PUBLISHED, FAILED }

    public boolean published() {
        return state == State.PUBLISHED;
    }
}
