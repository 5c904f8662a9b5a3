package io.cutline.research;

import io.cutline.model.Topic;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.writer.WritingDesk;

/** Layer 1: picks the topic from the channel's signals and has the channel's writer turn it into a checked brief. */
public class Researcher {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final SignalLibrary signals;
    private final WritingDesk writers;

    public Researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, SignalLibrary signals, WritingDesk writers) {
        this.jobs = jobs;
        this.stories = stories;
        this.channels = channels;
        this.signals = signals;
        this.writers = writers;
    }

    public void research(String jobId) {
        if (stories.brief(jobId).isPresent()) {
            return;
        }
        Job job = jobs.require(jobId);
        Channel channel = channels.require(job.channelId());
        Topic topic = TopicPicker.pick(signals.topics(channel), job.requestedTopic(), stories.topicsOf(channel.id()));
        WritingDesk.Written<Brief> brief = writers.brief(jobId, channel, topic);
        stories.saveBrief(jobId, brief.document(), brief.writer());
    }
}
