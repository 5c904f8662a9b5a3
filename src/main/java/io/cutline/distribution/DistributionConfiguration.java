package io.cutline.distribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.distribution.platform.OutboxPublisher;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** Layer 5 (routes/distribution.yaml): each finished video to the channel's platforms, once each. */
public class DistributionConfiguration implements CamelConfiguration {

    @BindToRegistry
    public PublicationDesk publicationDesk(JobLedger jobs, StoryLedger stories, RenderLedger renders, PublicationLedger publications,
                                           ChannelRegistry channels, Settings settings, ObjectMapper json) {
        return new PublicationDesk(jobs, stories, renders, publications, channels,
                new OutboxPublisher(settings.path("cutline.outbox.dir"), json));
    }
}
