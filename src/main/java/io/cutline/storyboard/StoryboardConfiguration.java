package io.cutline.storyboard;

import io.cutline.channel.ChannelRegistry;
import io.cutline.channel.JobChannels;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.writer.WritingDesk;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Layer 2 (routes/storyboard.yaml): the brief split into scenes, one shot and one narration line each, translated, and its hook varied. */
public class StoryboardConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Storyboarder storyboarder(StoryLedger stories, JobChannels jobChannels, WritingDesk writers) {
        return new Storyboarder(stories, jobChannels, writers);
    }

    @BindToRegistry
    public HookVariantWriter hookVariantWriter(JobLedger jobs, StoryLedger stories, HookLedger hooks, ChannelRegistry channels,
                                               WritingDesk writers) {
        return new HookVariantWriter(jobs, stories, hooks, channels, writers);
    }

    @BindToRegistry
    public Translator translator(JobLedger jobs, StoryLedger stories, LanguageLedger languages, ChannelRegistry channels,
                                 WritingDesk writers) {
        return new Translator(jobs, stories, languages, channels, writers);
    }
}
