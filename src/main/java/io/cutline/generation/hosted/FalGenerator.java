package io.cutline.generation.hosted;

import io.cutline.provider.AdapterKit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.config.ProviderSettings;
import io.cutline.timing.DurationRule;

/**
 * The fal queue ({@code Authorization: Key}): {@code POST {queue}/{model id}} → a request id and
 * the URLs to follow (status under {@code owner/app} only); a run that failed shows only when its
 * result is read. A lost submission is found in the platform API's list of the endpoint's requests
 * by its input, which for a given content key is exactly ours.
 */
public class FalGenerator extends HostedProvider {

    private final String platformUrl;
    private final String durationFormat;

    /**
     * {@code platform-url}: fal's platform API (request lists); {@code duration-format} writes seconds as
     * the model wants them, e.g. {@code %d} or {@code %ds}.
     */
    public FalGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
        this.platformUrl = settings.text("platform-url").replaceAll("/+$", "");
        this.durationFormat = settings.text("duration-format");
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        return text(call("POST", settings.url("/" + model()), headers(), input(request)), "response_url");
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode status = call("GET", handle + "/status", headers(), null);
        if (!"COMPLETED".equals(text(status, "status"))) {
            return TaskStatus.working();
        }
        HttpGateway.Reply result = http.send(provider(), HttpGateway.Call.json("GET", handle, headers(), null));
        if (!result.ok()) {
            if (result.status() == 429 || result.status() >= 500 && !status.has("error")) {
                ProviderErrors.check(provider(), result);
            }
            return TaskStatus.failed("HTTP " + result.status() + ": " + result.text());
        }
        try {
            String url = json.readTree(result.body()).path("video").path("url").asText("");
            return url.isEmpty() ? TaskStatus.failed("result without video.url: " + result.text()) : TaskStatus.succeeded(url);
        } catch (Exception e) {
            return TaskStatus.failed("unreadable result: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        JsonNode expected = json.valueToTree(input(request));
        JsonNode answer = call("GET", platformUrl + "/v1/models/requests/by-endpoint?endpoint_id=" + model() + "&start="
                + since.minusSeconds(60), headers(), null);
        for (JsonNode item : answer.path("items")) {
            if (expected.equals(item.path("json_input"))) {
                return Optional.of(settings.url("/" + app() + "/requests/" + item.path("request_id").asText()));
            }
        }
        return Optional.empty();
    }

    /** {@code owner/app} of the model id: where a request's status and result live (the subpath rule). */
    String app() {
        String[] segments = model().split("/");
        int keep = segments[0].equals("workflows") || segments[0].equals("comfy") ? 3 : 2;
        return String.join("/", java.util.Arrays.copyOf(segments, Math.min(keep, segments.length)));
    }

    private Map<String, Object> input(ClipRequest request) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", request.prompt());
        input.put("duration", String.format(durationFormat, Math.round(request.seconds())));
        input.put("aspect_ratio", request.aspectRatio());
        return input;
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Key " + settings.apiKey());
    }
}
