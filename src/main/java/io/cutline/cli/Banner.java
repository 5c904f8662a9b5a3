package io.cutline.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.cutline.Cutline;
import io.cutline.api.ApiTokens;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Secrets;
import io.cutline.config.Settings;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code cutline serve} says once it is ready: version, address, ledger, channels, schedules, where the API is. */
final class Banner {

    private static final Logger LOG = LoggerFactory.getLogger(Banner.class);

    private Banner() {
    }

    static void log(CamelContext context) {
        LOG.info("{}", String.join(System.lineSeparator(), lines(context)));
    }

    static List<String> lines(CamelContext context) {
        Settings settings = context.getRegistry().findSingleByType(Settings.class);
        ChannelRegistry channels = context.getRegistry().findSingleByType(ChannelRegistry.class);
        ApiTokens tokens = context.getRegistry().findSingleByType(ApiTokens.class);
        String base = "http://" + settings.text("camel.server.host") + ":" + settings.text("camel.server.port");
        List<Channel> scheduled = channels.all().stream().filter(channel -> channel.schedule().active()).toList();
        String version = Cutline.class.getPackage().getImplementationVersion();
        return List.of(
                String.format(Locale.ROOT, "Cutline %s ready on %s in %.1f s (JVM start to ready)",
                        version == null ? "(development build)" : version, base,
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0),
                "  ledger:    " + Secrets.redact(settings.text("cutline.db.url")),
                "  channels:  " + channels.all().size() + " loaded from " + channels.directory()
                        + " (" + channels.all().stream().map(Channel::id).collect(Collectors.joining(", ")) + ")"
                        + (channels.problems().isEmpty() ? "" : "; " + channels.problems().size() + " problem(s): bin/cutline validate"),
                "  schedules: " + (!settings.flag("cutline.schedules.enabled") ? "off (cutline.schedules.enabled)"
                        : scheduled.isEmpty() ? "none active" : scheduled.stream().map(channel -> channel.id() + " '" + channel.schedule().cron()
                                + "' " + channel.schedule().timeZone()).collect(Collectors.joining(", "))),
                "  API:       " + base + "/api (Authorization: Bearer <token>; " + (tokens.configured() ? "the configured token"
                        : "this run's token is in " + settings.text("cutline.api.generated-token-file")) + ")"
                        + ", health " + base + "/observe/health, metrics " + base + "/observe/metrics",
                "  log:       " + Failures.logFile() + "; every setting: bin/cutline serve --show-config");
    }
}
