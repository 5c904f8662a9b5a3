package io.cutline.storyboard;

import java.util.ArrayList;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;
import io.cutline.writer.WritingDesk;

/**
 * Layer 2, for a brief with hook variants (planned with its format arm): each other variant becomes a
 * job of its own (waiting for the original's clips) whose storyboard is the original's but for its
 * opening line and its title. The channel's writer writes the variant a brief in the variant's hook
 * style (of which its hook is kept) and a storyboard from that (of which the title, description,
 * hashtags and first line are kept); every other scene, and every shot, is the original's, so the
 * clips and the narration of the other scenes are made once. The writer's calls are charged to the
 * variant. A variant already written (before a restart) is kept.
 */
public record HookVariantWriter(JobLedger jobs, StoryLedger stories, HookLedger hooks, ChannelRegistry channels, WritingDesk writers) {

    public void write(String jobId) {
        List<HookLedger.Variant> planned = hooks.variants(jobId).stream().filter(variant -> variant.number() > 1).toList();
        if (planned.isEmpty()) {
            return;
        }
        Job job = jobs.require(jobId);
        Channel channel = channels.require(job.channelId());
        Brief brief = stories.brief(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no brief"));
        Storyboard original = stories.storyboard(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " has no storyboard"));
        for (HookLedger.Variant plan : planned) {
            HookLedger.Variant variant = hooks.open(job, plan.number());
            Channel styled = channel.forArm(variant.arm()).withTargetSeconds(brief.targetSeconds());
            Brief hooked = stories.brief(variant.jobId()).orElseGet(() -> {
                WritingDesk.Written<Brief> written = writers.brief(variant.jobId(), styled, topicOf(brief));
                Brief variantBrief = new Brief(brief.topic(), brief.angle(), written.document().hook(), brief.beats(), brief.callToAction(),
                        brief.keywords(), brief.sources(), brief.targetSeconds());
                stories.saveBrief(variant.jobId(), variantBrief, written.writer(), stories.topicChoice(jobId).orElse(null));
                return variantBrief;
            });
            if (stories.storyboard(variant.jobId()).isEmpty()) {
                WritingDesk.Written<Storyboard> written = writers.storyboard(variant.jobId(), styled, hooked);
                stories.saveStoryboard(variant.jobId(), withOpening(original, written.document()), written.writer());
            }
        }
    }

    /** The original's storyboard with the variant's title, description, hashtags and spoken first line. */
    static Storyboard withOpening(Storyboard original, Storyboard variant) {
        List<Storyboard.SceneDraft> scenes = new ArrayList<>(original.scenes());
        Storyboard.SceneDraft shot = original.scenes().get(0);
        scenes.set(0, new Storyboard.SceneDraft(variant.scenes().get(0).narration(), shot.visualPrompt(), shot.style(), null, shot.facts()));
        return new Storyboard(variant.title(), variant.description(), variant.hashtags(), List.copyOf(scenes));
    }

    /** The topic the brief was written from, as far as the brief tells it: its title, keywords, beats (as the facts) and sources. */
    private static Topic topicOf(Brief brief) {
        return new Topic(brief.topic(), 1, brief.keywords(), brief.beats(), brief.sources());
    }
}
