package io.cutline.research;

import io.cutline.model.Signal;
import io.cutline.model.Topic;

import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.SignalLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.writer.WritingDesk;

/** Layer 1: picks the topic from the channel's stored signals and has the channel's writer turn it into a checked brief. */
public class Researcher {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final ChannelRegistry channels;
    private final SignalLedger signals;
    private final WritingDesk writers;

    public Researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, SignalLedger signals, WritingDesk writers) {
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
        List<Topic> topics = SignalSieve.stories(signals.current(channel.id())).stream()
                .filter(story -> !StoryTopics.facts(story).isEmpty())
                .map(story -> StoryTopics.topic(story, story.stream().mapToDouble(Researcher::score).max().orElse(0.5)))
                .toList();
        Topic topic = TopicPicker.pick(topics, job.requestedTopic(), stories.topicsOf(channel.id()));
        WritingDesk.Written<Brief> brief = writers.brief(jobId, channel, topic);
        stories.saveBrief(jobId, brief.document(), brief.writer());
    }

    private static double score(Signal signal) {
        return signal.metrics().getOrDefault("score", 0.5);
    }
}
