package io.cutline.storyboard;

import io.cutline.channel.Channel;
import io.cutline.channel.JobChannels;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.writer.WritingDesk;

/** Layer 2: has the channel's writer split the brief into scenes (one visual prompt, one narration line each), checked. */
public class Storyboarder {

    private final StoryLedger stories;
    private final JobChannels jobChannels;
    private final WritingDesk writers;

    public Storyboarder(StoryLedger stories, JobChannels jobChannels, WritingDesk writers) {
        this.stories = stories;
        this.jobChannels = jobChannels;
        this.writers = writers;
    }

    public void storyboard(String jobId) {
        if (stories.storyboard(jobId).isPresent()) {
            return;
        }
        Brief brief = stories.brief(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no brief"));
        // the brief's length is the job's (its format arm may be a length band other than the channel's); its
        // arm's hook style may title it (so that hook variants are titled apart)
        Channel channel = jobChannels.of(jobId).withTargetSeconds(brief.targetSeconds());
        WritingDesk.Written<Storyboard> storyboard = writers.storyboard(jobId, channel, brief);
        stories.saveStoryboard(jobId, storyboard.document(), storyboard.writer());
    }
}
