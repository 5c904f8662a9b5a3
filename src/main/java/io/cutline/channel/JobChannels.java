package io.cutline.channel;

import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;

/**
 * The channel as a job sees it: its channel's settings with the job's format arm applied (length band,
 * hook style, caption style, voice, generator), or the channel's own when the job has no arm.
 */
public record JobChannels(JobLedger jobs, ChannelRegistry channels, LearningLedger learning) {

    public Channel of(String jobId) {
        Channel own = channels.require(jobs.require(jobId).channelId());
        return learning.arm(jobId).map(given -> own.forArm(given.arm())).orElse(own);
    }
}
