package io.cutline.ledger;

/**
 * A job's video on one platform: the long video itself ({@code shortNumber} {@value #LONG_VIDEO}) or
 * one of the shorts cut from it. PUBLISHING means started and not known to be finished.
 */
public record Publication(String jobId, String platform, int shortNumber, State state, String location, String error) {

    /** The short number of the job's own video. */
    public static final int LONG_VIDEO = 0;

    public enum State { PUBLISHING, PUBLISHED, FAILED }

    public boolean published() {
        return state == State.PUBLISHED;
    }
}
