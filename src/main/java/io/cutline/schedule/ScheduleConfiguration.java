package io.cutline.schedule;

import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The channels' Quartz schedules (routes/schedules.yaml). */
public class ScheduleConfiguration implements CamelConfiguration {

    @BindToRegistry
    public ChannelScheduler channelScheduler(CamelContext context, ChannelRegistry channels, Settings settings) {
        return new ChannelScheduler(context, channels, settings.flag("cutline.schedules.enabled"));
    }
}
