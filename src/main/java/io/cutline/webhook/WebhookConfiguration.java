package io.cutline.webhook;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.WebhookLedger;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/** Webhooks out (routes/webhooks.yaml): the events the routes raise, and their signed, retried delivery. */
public class WebhookConfiguration implements CamelConfiguration {

    /** The HTTP component deliveries go through: the client's own retries off (the ledger decides), bounded waits. */
    static final String COMPONENT = "webhook-http";

    @BindToRegistry
    public WebhookEvents webhookEvents(JobLedger jobs, PublicationLedger publications, ChannelRegistry channels, WebhookLedger deliveries,
                                       ObjectMapper json, Clock clock, Settings settings) {
        List<String> urls = settings.optional("cutline.webhooks.urls").map(value -> Arrays.stream(value.split(","))
                .map(String::trim).filter(url -> !url.isEmpty()).toList()).orElse(List.of());
        urls.stream().filter(url -> !url.matches("https?://\\S+")).findFirst().ifPresent(url -> {
            throw new IllegalStateException("cutline.webhooks.urls: '" + url + "' is not an http:// or https:// URL");
        });
        return new WebhookEvents(jobs, publications, channels, deliveries, json, clock, urls);
    }

    @BindToRegistry
    public WebhookPostman webhookPostman(WebhookLedger deliveries, Clock clock, Settings settings) {
        String variable = settings.text("cutline.webhooks.secret-env");
        return new WebhookPostman(deliveries, clock, System.getenv(variable), variable, settings.integer("cutline.webhooks.max-attempts"),
                settings.millis("cutline.webhooks.backoff-ms"), settings.millis("cutline.webhooks.backoff-max-ms"),
                settings.millis("cutline.webhooks.timeout-ms").multipliedBy(2));
    }

    @Override
    public void configure(CamelContext context) {
        Settings settings = context.getRegistry().findSingleByType(Settings.class);
        long timeout = settings.millis("cutline.webhooks.timeout-ms").toMillis();
        HttpComponent http = new HttpComponent();
        http.setAutomaticRetriesDisabled(true);
        http.setConnectTimeout(timeout);
        http.setResponseTimeout(timeout);
        http.setSoTimeout(timeout);
        context.addComponent(COMPONENT, http);
    }
}
