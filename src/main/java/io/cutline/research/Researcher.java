package io.cutline.research;

import io.cutline.model.TopicChoice;
import io.cutline.model.Topic;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.channel.JobChannels;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.SignalLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.writer.WritingDesk;

/**
 * Layer 1: ranks the stories in the channel's stored signals (with the keyword scores the feedback
 * loop learned as their performance prior), picks a topic not covered within the channel's window, has the channel's writer turn it into a checked brief and stores the brief with
 * why its topic was chosen.
 */
public record Researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, JobChannels jobChannels, SignalLedger signals,
                         LearningLedger learning, WritingDesk writers, Clock clock) {

    /** False when the job has its brief already: its caller sent one, or an earlier try wrote it. */
    public boolean briefNeeded(String jobId) {
        return stories.brief(jobId).isEmpty();
    }

    public void research(String jobId) {
        if (!briefNeeded(jobId)) {
            return;
        }
        Job job = jobs.require(jobId);
        Channel channel = channels.require(job.channelId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> covered = stories.topicsOf(channel.id(), now.minusDays(channel.topics().noveltyDaysOrDefault()));
        Map<String, Double> learned = new HashMap<>();
        learning.keywordScores(channel.id()).forEach((keyword, score) -> learned.put(keyword, score.score()));
        List<TopicRanker.Candidate> candidates = TopicRanker.rank(SignalSieve.stories(signals.current(channel.id())), channel, covered,
                learned, now.toInstant());
        Topic topic = TopicPicker.pick(candidates.stream().map(TopicRanker.Candidate::topic).toList(), job.requestedTopic(), covered);
        TopicChoice choice = candidates.stream().filter(candidate -> candidate.topic() == topic).findFirst()
                .map(TopicRanker.Candidate::choice).orElseThrow();
        // the job's format arm (routes/research.yaml chose it) may set its length band and hook style
        Channel shaped = jobChannels.of(jobId);
        WritingDesk.Written<Brief> brief = writers.brief(jobId, shaped, topic);
        stories.saveBrief(jobId, brief.document(), brief.writer(), choice);
    }
}
