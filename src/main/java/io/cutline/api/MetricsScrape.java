package io.cutline.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * {@code GET /observe/metrics}: the Prometheus text of the service's meters. Served by the API (with
 * its token check, unless {@code cutline.observe.metrics-open}) rather than by Camel's management
 * endpoint, which cannot require a token.
 */
public class MetricsScrape {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final CamelContext context;

    public MetricsScrape(CamelContext context) {
        this.context = context;
    }

    public String scrape() {
        PrometheusMeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, PrometheusMeterRegistry.class);
        if (registry == null) {
            throw new ApiProblem(404, "metrics are off (camel.metrics.enabled = false)");
        }
        return registry.scrape(TEXT_FORMAT);
    }

    public String contentType() {
        return TEXT_FORMAT;
    }
}
