package io.cutline.storyboard;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.writer.WritingDesk;

/** Layer 2: has the channel's writer split the brief into scenes (one visual prompt, one narration line each), checked. */
public class Storyboarder {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final WritingDesk writers;

    public Storyboarder(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, WritingDesk writers) {
        this.jobs = jobs;
        this.stories = stories;
        this.channels = channels;
        this.writers = writers;
    }

    public void storyboard(String jobId) {
        if (stories.storyboard(jobId).isPresent()) {
            return;
        }
        Brief brief = stories.brief(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no brief"));
        // the brief's length is the job's (its format arm may be a length band other than the channel's)
        Channel channel = channels.require(jobs.require(jobId).channelId()).withTargetSeconds(brief.targetSeconds());
        WritingDesk.Written<Storyboard> storyboard = writers.storyboard(jobId, channel, brief);
        stories.saveStoryboard(jobId, storyboard.document(), storyboard.writer());
    }
}
