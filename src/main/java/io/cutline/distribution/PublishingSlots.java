package io.cutline.distribution;

import java.util.Date;

import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.ReadyQueue;

/**
 * Layer 5's publishing slots (routes/distribution.yaml): a platform the channel gives slots to gets a
 * finished video only when a slot takes it from the ready queue; the others get it at once, as before.
 */
public class PublishingSlots {

    private final JobLedger jobs;
    private final ChannelRegistry channels;
    private final ReadyQueue queue;

    public PublishingSlots(JobLedger jobs, ChannelRegistry channels, ReadyQueue queue) {
        this.jobs = jobs;
        this.channels = channels;
        this.queue = queue;
    }

    /** Whether the job's video goes to the platform now: it has no slots there, or a slot has taken it. Otherwise it is queued. */
    public boolean due(String jobId, String platform) {
        Job job = jobs.require(jobId);
        if (channels.require(job.channelId()).slotCrons(platform).isEmpty() || queue.slotOf(jobId, platform).isPresent()) {
            return true;
        }
        queue.enqueue(jobId, job.channelId(), platform);
        return false;
    }

    /** After a publishing pass: {@code PUBLISHED}, {@code SLOT_DUE} (publish again now) or {@code WAITING} (for its next slot). */
    public String settle(String jobId) {
        return queue.settle(jobId).name();
    }

    /** One slot fired: the job it released from waiting (to publish now), or null. */
    public String fill(String channelId, String platform, Date scheduledFireTime) {
        return queue.fill(channelId, platform, scheduledFireTime.toInstant()).orElse(null);
    }
}
