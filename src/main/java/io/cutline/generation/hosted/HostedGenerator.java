package io.cutline.generation.hosted;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.timing.DurationRule;

/**
 * A hosted video generator, asynchronous: a paid submission returns a task handle, the task is
 * polled until it ends, the clip is downloaded. Submissions are never retried here; a submission
 * whose reply was lost is looked up by our key where the provider allows it ({@link #canLookUp}).
 */
public interface HostedGenerator {

    String provider();

    String model();

    DurationRule durations();

    /** Price of one generated second, in US dollars (from configuration). */
    double pricePerSecond();

    /** Whether a submission can be found again by our key after its reply was lost. */
    boolean canLookUp();

    /** Whether a clip can be asked to start from an image (image-to-video). */
    default boolean takesFirstFrame() {
        return false;
    }

    /**
     * Sends the paid request, marked with our {@code key} where the protocol allows; returns the
     * provider's handle for the task. A lost reply throws {@link io.cutline.provider.ProviderUnavailableException}
     * with {@code requestSent} true: the outcome is unknown.
     */
    String submit(ClipRequest request, String key);

    TaskStatus status(String handle);

    /** The handle of the task a submission of {@code request} with {@code key} (sent after {@code since}) created, if any. */
    Optional<String> lookUp(ClipRequest request, String key, Instant since);

    /** Downloads a finished task's clip to {@code target}, whole or not at all. */
    void download(TaskStatus status, Path target);
}
