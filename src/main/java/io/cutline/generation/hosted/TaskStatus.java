package io.cutline.generation.hosted;

import java.time.Duration;

/** Where a provider's generation task stands: still working, done (with its video's URL), or failed (with why). */
public record TaskStatus(Phase phase, String videoUrl, String failure, Duration retryAfter) {

    public enum Phase { WORKING, SUCCEEDED, FAILED }

    public static TaskStatus working() {
        return new TaskStatus(Phase.WORKING, null, null, null);
    }

    public static TaskStatus succeeded(String videoUrl) {
        return new TaskStatus(Phase.SUCCEEDED, videoUrl, null, null);
    }

    public static TaskStatus failed(String failure) {
        return new TaskStatus(Phase.FAILED, null, failure, null);
    }
}
