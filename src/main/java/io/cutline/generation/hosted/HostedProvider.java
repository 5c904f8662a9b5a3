package io.cutline.generation.hosted;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HostPatterns;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.MediaDownloads;
import io.cutline.provider.ProviderErrors;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.timing.DurationRule;

/** What the hosted adapters share: settings, JSON calls with the providers' error mapping, downloads. */
abstract class HostedProvider implements HostedGenerator {

    protected final HttpGateway http;
    protected final ProviderSettings settings;
    protected final ObjectMapper json;
    private final MediaDownloads downloads;
    private final HostPatterns downloadHosts;
    private final DurationRule durations;
    private final double pricePerSecond;

    HostedProvider(ProviderSettings settings, AdapterKit kit) {
        this.http = kit.http();
        this.settings = settings;
        this.durations = settings.durations();
        this.pricePerSecond = settings.decimal("price-per-second");
        this.json = kit.json();
        this.downloads = kit.downloads();
        this.downloadHosts = HostPatterns.parse(settings.property("download-hosts"), settings.optional("download-hosts").orElse(""));
    }

    @Override
    public String provider() {
        return settings.name();
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public DurationRule durations() {
        return durations;
    }

    @Override
    public double pricePerSecond() {
        return pricePerSecond;
    }

    /** A JSON call; a non-2xx reply throws as {@link ProviderErrors} says, an unreadable one as an unknown outcome. */
    protected JsonNode call(String method, String url, Map<String, String> headers, Object body) {
        String text = null;
        try {
            text = body == null ? null : json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ProviderErrors.check(provider(), http.send(provider(), HttpGateway.Call.json(method, url, headers, text)))
                .object(provider(), json);
    }

    /** Fetches a finished clip from a host the block allows (no retries: a failed download is tried again at the next poll). */
    protected void fetch(String url, Map<String, String> headers, Path target) {
        downloads.fetch(provider(), url, headers, downloadHosts, target);
    }

    /** A required text field, or an unknown-outcome error naming it. */
    protected String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new ProviderUnavailableException(provider(), "reply without " + field + ": " + node, true, null);
        }
        return value;
    }

    @Override
    public void download(TaskStatus status, Path target) {
        fetch(status.videoUrl(), Map.of(), target);
    }
}
