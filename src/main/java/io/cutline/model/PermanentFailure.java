package io.cutline.model;

/**
 * A failure that retrying cannot fix (bad input, missing facts, a rejected request): the job is
 * parked at once with this message instead of being redelivered.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
