package io.cutline.storyboard;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Storyboard;
import io.cutline.writer.WritingDesk;

/**
 * Layer 2, for a channel with other languages: the job's storyboard translated into each, checked,
 * as the storyboard of a language variant (a job of its own, waiting for the original's clips; its
 * translation's cost is charged to it). A variant already translated (before a restart) is kept.
 */
public record Translator(JobLedger jobs, StoryLedger stories, LanguageLedger languages, ChannelRegistry channels, WritingDesk writers) {

    public void translate(String jobId) {
        Job job = jobs.require(jobId);
        Channel channel = channels.require(job.channelId());
        if (channel.otherLanguages().isEmpty()) {
            return;
        }
        Storyboard original = stories.storyboard(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no storyboard"));
        for (String language : channel.otherLanguages()) {
            LanguageLedger.Variant variant = languages.open(job, language);
            if (stories.storyboard(variant.jobId()).isPresent()) {
                continue;
            }
            WritingDesk.Written<Storyboard> translation = writers.translation(variant.jobId(), channel, original, language);
            stories.saveStoryboard(variant.jobId(), translation.document(), translation.writer());
        }
    }
}
