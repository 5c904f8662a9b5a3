package io.cutline.storyboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.document.SchemaCheck;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.writer.StoryWriter;
import io.cutline.model.Storyboard;

/** Layer 2: has the writer split the brief into scenes (one visual prompt, one narration line each), validated. */
public class Storyboarder {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final StoryWriter writer;
    private final ObjectMapper json;
    private final SchemaCheck storyboardSchema = SchemaCheck.load("storyboard.schema.json");

    public Storyboarder(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, StoryWriter writer, ObjectMapper json) {
        this.jobs = jobs;
        this.stories = stories;
        this.channels = channels;
        this.writer = writer;
        this.json = json;
    }

    public void storyboard(String jobId) {
        if (stories.storyboard(jobId).isPresent()) {
            return;
        }
        Channel channel = channels.require(jobs.require(jobId).channelId());
        Brief brief = stories.brief(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no brief"));
        Storyboard storyboard = writer.storyboard(channel, brief);
        storyboardSchema.require(json.valueToTree(storyboard), writer.name() + " writer's storyboard");
        stories.saveStoryboard(jobId, storyboard, writer.name());
    }
}
