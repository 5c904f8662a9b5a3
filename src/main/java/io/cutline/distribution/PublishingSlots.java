package io.cutline.distribution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.ReadyQueue;

/**
 * Layer 5's publishing slots (routes/distribution.yaml): a platform the channel gives slots to gets a
 * finished video only when a slot takes it from the ready queue; the others get it at once, as before.
 * A platform that publishes at a given time (YouTube's {@code publishAt}) gets it at once instead, with
 * the slot reserved for it as the time to go public. A job whose format arm gives it a posting time
 * goes out at the next free occurrence of that time on every platform, instead of the channel's slots.
 */
public class PublishingSlots {

    private final JobLedger jobs;
    private final ChannelRegistry channels;
    private final ReadyQueue queue;
    private final LearningLedger learning;
    private final Set<String> publishAhead;
    private final Clock clock;

    /** {@code publishAhead}: the platforms that take a time to publish at (a {@code publish-ahead} platform block). */
    public PublishingSlots(JobLedger jobs, ChannelRegistry channels, ReadyQueue queue, LearningLedger learning, Set<String> publishAhead,
                           Clock clock) {
        this.jobs = jobs;
        this.channels = channels;
        this.queue = queue;
        this.learning = learning;
        this.publishAhead = Set.copyOf(publishAhead);
        this.clock = clock;
    }

    /**
     * Whether the job's video goes to the platform now: it has no slots there, or a slot has taken it, or
     * the platform publishes ahead (the video's slot is reserved and it goes out at it, by the platform).
     * Otherwise it is queued for the next slot.
     */
    public boolean due(String jobId, String platform) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        Optional<LocalTime> postingTime = learning.arm(jobId).flatMap(given -> channel.testing().postingTime(given.arm()));
        if (postingTime.isPresent()) {
            Instant at = queue.reserveTime(jobId, channel.id(), platform, after -> channel.nextPostingTime(postingTime.get(), after));
            return publishAhead.contains(platform) || !at.isAfter(clock.instant());
        }
        if (channel.slotCrons(platform).isEmpty() || queue.slotOf(jobId, platform).isPresent()) {
            return true;
        }
        if (publishAhead.contains(platform)) {
            queue.reserve(jobId, channel.id(), platform, after -> channel.nextSlot(platform, after));
            return true;
        }
        queue.enqueue(jobId, channel.id(), platform);
        return false;
    }

    /** After a publishing pass: {@code PUBLISHED}, {@code SLOT_DUE} (publish again now) or {@code WAITING} (for its next slot). */
    public String settle(String jobId) {
        return queue.settle(jobId).name();
    }

    /**
     * After the channels changed: releases the jobs waiting for a platform that no longer has slots (its
     * channel's slots for it were removed, or the channel itself), so they publish at once (or park,
     * naming the missing channel). Returns their ids.
     */
    public List<String> releaseUnslotted() {
        List<String> released = new ArrayList<>();
        for (ReadyQueue.Waiting waiting : queue.waiting()) {
            boolean slotted = channels.find(waiting.channelId()).map(channel -> !channel.slotCrons(waiting.platform()).isEmpty()).orElse(false);
            if (!slotted && !released.contains(waiting.jobId()) && queue.release(waiting.jobId())) {
                released.add(waiting.jobId());
            }
        }
        return released;
    }

    /** The jobs whose posting time has come, released from waiting to publish now (routes/distribution.yaml checks every minute). */
    public List<String> releaseDue() {
        return queue.releaseDue();
    }

    /** One slot fired: the job it released from waiting (to publish now), or null. */
    public String fill(String channelId, String platform, Date scheduledFireTime) {
        return queue.fill(channelId, platform, scheduledFireTime.toInstant()).orElse(null);
    }
}
