package io.cutline.job;

import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;

/**
 * Turns a request into a job in the ledger (or finds the job an earlier identical request made), with
 * the brief and storyboard its caller wrote, if any, kept with the new job in one transaction, so
 * layers 1 and 2 find them written. A repeated request gets the job back as it is: its story is the
 * first request's.
 */
public class JobIntake {

    private final ChannelRegistry channels;
    private final JobLedger jobs;
    private final StoryLedger stories;

    public JobIntake(ChannelRegistry channels, JobLedger jobs, StoryLedger stories) {
        this.channels = channels;
        this.jobs = jobs;
        this.stories = stories;
    }

    public Receipt open(JobRequest request) {
        channels.require(request.channel());
        JobLedger.Created created = jobs.create(request.channel(), request.topic(), request.idempotencyKey(), request.origin(),
                jobId -> keep(jobId, request.story()));
        return new Receipt(created.job(), created.isNew());
    }

    private void keep(String jobId, CallerStory story) {
        if (story == null) {
            return;
        }
        stories.saveBrief(jobId, story.brief(), CallerStories.WRITER, null);
        if (story.storyboard() != null) {
            stories.saveStoryboard(jobId, story.storyboard(), CallerStories.WRITER);
        }
    }
}
