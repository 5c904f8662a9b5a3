package io.cutline.research;

import io.cutline.model.Topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.document.SchemaCheck;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.writer.StoryWriter;

/** Layer 1: picks the topic from the channel's signals and has the writer turn it into a validated brief. */
public class Researcher {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final SignalLibrary signals;
    private final StoryWriter writer;
    private final ObjectMapper json;
    private final SchemaCheck briefSchema = SchemaCheck.load("brief.schema.json");

    public Researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, SignalLibrary signals,
                      StoryWriter writer, ObjectMapper json) {
        this.jobs = jobs;
        this.stories = stories;
        this.channels = channels;
        this.signals = signals;
        this.writer = writer;
        this.json = json;
    }

    public void research(String jobId) {
        if (stories.brief(jobId).isPresent()) {
            return;
        }
        Job job = jobs.require(jobId);
        Channel channel = channels.require(job.channelId());
        Topic topic = TopicPicker.pick(signals.topics(channel), job.requestedTopic(), stories.topicsOf(channel.id()));
        Brief brief = writer.brief(channel, topic);
        briefSchema.require(json.valueToTree(brief), writer.name() + " writer's brief");
        stories.saveBrief(jobId, brief, writer.name());
    }
}
