package io.cutline.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulated generation: what was asked (the canonical input, and the client's marker when the
 * protocol carries one), when, and how it ends. It runs until both its latency has passed and it
 * has been polled enough times, then succeeds (or fails, or hands out a corrupt file, as its fault says).
 */
final class VideoTask {

    enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    final String id;
    final String provider;
    final String input;
    final String marker;
    final Instant created;
    final int width;
    final int height;
    final double seconds;
    final boolean fails;
    final boolean corrupt;
    private final Duration latency;
    private final int pollsBeforeDone;
    private final AtomicInteger polls = new AtomicInteger();

    VideoTask(String id, String provider, String input, String marker, Instant created, int width, int height, double seconds,
              boolean fails, boolean corrupt, Duration latency, int pollsBeforeDone) {
        this.id = id;
        this.provider = provider;
        this.input = input;
        this.marker = marker;
        this.created = created;
        this.width = width;
        this.height = height;
        this.seconds = seconds;
        this.fails = fails;
        this.corrupt = corrupt;
        this.latency = latency;
        this.pollsBeforeDone = pollsBeforeDone;
    }

    /** When its latency has passed. */
    Instant readyAt() {
        return created.plus(latency);
    }

    /** The state a poll sees now (each call counts as a poll). */
    State poll(Instant now) {
        int seen = polls.incrementAndGet();
        return state(now, seen);
    }

    /** The state without counting a poll (for lists and downloads). */
    State peek(Instant now) {
        return state(now, polls.get());
    }

    private State state(Instant now, int seen) {
        if (now.isBefore(created.plus(latency)) || seen <= pollsBeforeDone) {
            return seen <= 1 && now.isBefore(created.plus(latency.dividedBy(2))) ? State.QUEUED : State.RUNNING;
        }
        return fails ? State.FAILED : State.SUCCEEDED;
    }
}
