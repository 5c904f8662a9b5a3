package io.cutline.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import io.cutline.media.Fonts;
import io.cutline.media.MediaProbe;
import io.cutline.media.ToolRunner;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The HTTP plumbing every provider adapter shares, and the rate-limit policy of the routes. */
public class ProviderConfiguration implements CamelConfiguration {

    @BindToRegistry
    public HttpGateway httpGateway(CamelContext context, Settings settings) {
        return new HttpGateway(context, settings.millis("cutline.providers.connect-timeout-ms"),
                settings.millis("cutline.providers.response-timeout-ms"));
    }

    @BindToRegistry
    public MediaDownloads mediaDownloads(Settings settings) {
        return new MediaDownloads(new MediaDownloads.Policy(settings.flag("cutline.providers.downloads.allow-loopback"),
                settings.integer("cutline.providers.downloads.max-megabytes") * 1024L * 1024L, settings.millis("cutline.providers.downloads.timeout-ms"),
                settings.integer("cutline.providers.downloads.max-redirects")), settings.millis("cutline.providers.connect-timeout-ms"));
    }

    @BindToRegistry
    public AdapterKit adapterKit(HttpGateway http, MediaDownloads downloads, ObjectMapper json, ToolRunner tools, MediaProbe probe,
                                 Fonts fonts) {
        return new AdapterKit(http, downloads, json, tools, probe, fonts);
    }

    /** routes/errors.yaml asks this whether a rate-limited call may be tried again, and when. */
    @BindToRegistry
    public ProviderRetries rateLimits(Settings settings) {
        return new ProviderRetries(RateLimitedException.class, settings.integer("cutline.retry.rate-limit-attempts"),
                settings.millis("cutline.retry.rate-limit-max-wait-ms"), settings.millis("cutline.retry.delay-ms"));
    }

    /** routes/errors.yaml asks this whether a step that met a provider outage (5xx, no reply) may be tried again, and when. */
    @BindToRegistry
    public ProviderRetries outages(Settings settings) {
        return new ProviderRetries(ProviderUnavailableException.class, settings.integer("cutline.retry.outage-attempts"),
                settings.millis("cutline.retry.outage-max-wait-ms"), settings.millis("cutline.retry.delay-ms"));
    }
}
