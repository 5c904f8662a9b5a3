package io.cutline.storyboard;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.writer.WritingDesk;

/** Layer 2: has the channel's writer split the brief into scenes (one visual prompt, one narration line each), checked. */
public class Storyboarder {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final LearningLedger learning;
    private final WritingDesk writers;

    public Storyboarder(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, LearningLedger learning, WritingDesk writers) {
        this.jobs = jobs;
        this.stories = stories;
        this.channels = channels;
        this.learning = learning;
        this.writers = writers;
    }

    public void storyboard(String jobId) {
        if (stories.storyboard(jobId).isPresent()) {
            return;
        }
        Brief brief = stories.brief(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no brief"));
        // the brief's length is the job's (its format arm may be a length band other than the channel's); its
        // arm's hook style may title it (so that hook variants are titled apart)
        Channel own = channels.require(jobs.require(jobId).channelId());
        Channel channel = learning.arm(jobId).map(given -> own.forArm(given.arm())).orElse(own).withTargetSeconds(brief.targetSeconds());
        WritingDesk.Written<Storyboard> storyboard = writers.storyboard(jobId, channel, brief);
        stories.saveStoryboard(jobId, storyboard.document(), storyboard.writer());
    }
}
