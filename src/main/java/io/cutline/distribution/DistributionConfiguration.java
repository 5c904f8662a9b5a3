package io.cutline.distribution;

import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.distribution.platform.Publisher;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Platforms;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderCatalog;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * Layer 5 (routes/distribution.yaml): each finished video to the channel's platforms, once each.
 * A platform is every {@code cutline.distribution.<platform>} block: its publisher and its rules.
 */
public class DistributionConfiguration implements CamelConfiguration {

    @BindToRegistry
    public PublicationDesk publicationDesk(JobLedger jobs, StoryLedger stories, RenderLedger renders, PublicationLedger publications,
                                           ChannelRegistry channels, Platforms platforms, Settings settings, AdapterKit kit) {
        return new PublicationDesk(jobs, stories, renders, publications, channels, platforms,
                ProviderCatalog.build(settings.providers("cutline.distribution"), kit, Publisher.class));
    }
}
