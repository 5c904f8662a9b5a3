package io.cutline.schedule;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.job.JobRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Quartz route per scheduled channel, made from the {@code channel-schedule} route
 * template in {@code routes/schedules.yaml}: added for new channels, replaced when a channel's cron
 * or time zone changes, removed when a channel goes away or is disabled.
 */
public class ChannelScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelScheduler.class);
    private static final String TEMPLATE = "channel-schedule";
    private static final String ROUTE_PREFIX = "schedule-";

    private final CamelContext context;
    private final ChannelRegistry channels;
    private final boolean enabled;
    private final Map<String, String> scheduled = new HashMap<>();

    public ChannelScheduler(CamelContext context, ChannelRegistry channels, boolean enabled) {
        this.context = context;
        this.channels = channels;
        this.enabled = enabled;
    }

    public synchronized void sync() throws Exception {
        Map<String, Channel> wanted = new HashMap<>();
        if (enabled) {
            channels.all().stream().filter(channel -> channel.schedule().active())
                    .forEach(channel -> wanted.put(ROUTE_PREFIX + channel.id(), channel));
        }
        for (String routeId : Map.copyOf(scheduled).keySet()) {
            Channel channel = wanted.get(routeId);
            if (channel == null || !signature(channel).equals(scheduled.get(routeId))) {
                context.getRouteController().stopRoute(routeId);
                context.removeRoute(routeId);
                scheduled.remove(routeId);
                LOG.info("removed schedule {}", routeId);
            }
        }
        for (Map.Entry<String, Channel> entry : wanted.entrySet()) {
            if (!scheduled.containsKey(entry.getKey())) {
                Channel channel = entry.getValue();
                TemplatedRouteBuilder.builder(context, TEMPLATE)
                        .routeId(entry.getKey())
                        .parameter("channelId", channel.id())
                        .parameter("cron", channel.schedule().quartzCron())
                        .parameter("timeZone", channel.schedule().timeZone())
                        .add();
                scheduled.put(entry.getKey(), signature(channel));
                LOG.info("scheduled channel {}: '{}' (Quartz '{}') in {}", channel.id(), channel.schedule().cron(),
                        channel.schedule().quartzCron(), channel.schedule().timeZone());
            }
        }
    }

    /**
     * The job request for one firing. The request key names the channel and the scheduled fire time,
     * so a firing delivered twice (a misfire replay, two nodes with their own schedulers) makes one job.
     */
    public JobRequest request(String channelId, Date scheduledFireTime) {
        long slot = scheduledFireTime == null ? System.currentTimeMillis() / 1000 : scheduledFireTime.getTime() / 1000;
        return new JobRequest(channelId, null, "schedule:" + channelId + ":" + slot, "schedule");
    }

    private static String signature(Channel channel) {
        return channel.schedule().quartzCron() + "|" + channel.schedule().timeZone();
    }
}
