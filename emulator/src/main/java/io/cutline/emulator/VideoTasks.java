package io.cutline.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated providers' tasks, their timing (latency, polls before done, per provider), and the
 * billing of each accepted submission: a task that ends FAILED is refunded, so resubmitting its input
 * is not a paid duplicate.
 */
final class VideoTasks {

    /** How long a provider's tasks take and how many polls see them unfinished. */
    record Timing(Duration latency, int pollsBeforeDone) {
    }

    private final Map<String, VideoTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Timing> timings = new ConcurrentHashMap<>();
    private final Map<String, Integer> peaks = new ConcurrentHashMap<>();
    private final Billing billing;
    private final VideoFactory videos = new VideoFactory();

    VideoTasks(Billing billing) {
        this.billing = billing;
    }

    void timing(String provider, Timing timing) {
        timings.put(provider, timing);
    }

    /** Accepts (and bills) a submission. */
    VideoTask submit(String provider, String input, String marker, int width, int height, double seconds, java.util.Optional<Fault> fault) {
        Timing timing = timings.getOrDefault(provider, new Timing(Duration.ZERO, 1));
        String id = UUID.randomUUID().toString();
        VideoTask task = new VideoTask(id, provider, input, marker, Instant.now(), width, height, seconds,
                Fault.is(fault, Fault.Kind.FAILED), Fault.is(fault, Fault.Kind.CORRUPT), timing.latency(), timing.pollsBeforeDone());
        billing.bill(provider, input);
        tasks.put(id, task);
        peaks.merge(provider, inFlight(provider), Math::max);
        return task;
    }

    Optional<VideoTask> any(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    Optional<VideoTask> find(String provider, String id) {
        return Optional.ofNullable(tasks.get(id)).filter(task -> task.provider.equals(provider));
    }

    /** The provider's tasks, newest first. */
    List<VideoTask> list(String provider) {
        List<VideoTask> list = new ArrayList<>(tasks.values().stream().filter(task -> task.provider.equals(provider)).toList());
        list.sort(Comparator.comparing((VideoTask task) -> task.created).reversed());
        return list;
    }

    /** A poll: counts, and refunds a task the first time it is seen FAILED. */
    VideoTask.State poll(VideoTask task) {
        VideoTask.State state = task.poll(Instant.now());
        if (state == VideoTask.State.FAILED) {
            billing.refund(task.provider, task.input, task.id);
        }
        return state;
    }

    /** The task's video: real MP4 bytes of its size and length, or garbage for a corrupt one. */
    byte[] video(VideoTask task) {
        return task.corrupt ? "<html>this is not a video</html>".getBytes() : videos.video(task.width, task.height, task.seconds);
    }

    int inFlight() {
        return inFlight(null);
    }

    /** The provider's (or with null, every provider's) tasks not finished yet. */
    int inFlight(String provider) {
        Instant now = Instant.now();
        return (int) tasks.values().stream()
                .filter(task -> provider == null || task.provider.equals(provider))
                .filter(task -> task.peek(now).ordinal() < VideoTask.State.SUCCEEDED.ordinal()).count();
    }

    /** The most tasks the provider had unfinished at once. */
    void resetPeaks() {
        peaks.clear();
    }

    Map<String, Integer> peaks() {
        return Map.copyOf(peaks);
    }
}
