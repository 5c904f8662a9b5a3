package io.cutline.schedule;

import io.cutline.channel.ChannelRegistry;
import io.cutline.config.NodeName;
import io.cutline.config.Settings;
import io.cutline.ledger.LedgerDatabase;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The channels' Quartz schedules and publishing slots (routes/schedules.yaml). */
public class ScheduleConfiguration implements CamelConfiguration {

    @BindToRegistry
    public ChannelScheduler channelScheduler(CamelContext context, ChannelRegistry channels, Settings settings) {
        return new ChannelScheduler(context, channels, settings.flag("cutline.schedules.enabled"));
    }

    @BindToRegistry
    public SlotScheduler slotScheduler(CamelContext context, ChannelRegistry channels, LedgerDatabase ledger, NodeName node,
                                       Settings settings) {
        return new SlotScheduler(context, channels, ledger.dataSource(), ledger.vendor(), node.value(), settings.flag("cutline.slots.enabled"),
                settings.millis("cutline.slots.misfire-threshold-ms"));
    }

    /** The slots stop as the context begins to stop, before the routes their firings enter. */
    @Override
    public void configure(CamelContext context) throws Exception {
        context.addLifecycleStrategy(context.getRegistry().findSingleByType(SlotScheduler.class));
    }
}
