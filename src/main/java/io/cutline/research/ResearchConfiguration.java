package io.cutline.research;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.writer.WritingDesk;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Layer 1 (routes/research.yaml): the channel's signals, a ranked topic, a validated brief. */
public class ResearchConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Researcher researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, WritingDesk writers, Settings settings,
                                 ObjectMapper json) {
        return new Researcher(jobs, stories, channels, new SignalLibrary(settings.path("cutline.signals.dir"), json), writers);
    }
}
