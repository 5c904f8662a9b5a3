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
import io.cutline.config.ProviderSettings;
import io.cutline.timing.DurationRule;

/**
 * Luma Dream Machine: {@code POST /generations/video}, {@code GET /generations/{id}}. Our key rides
 * in the {@code callback_url} ({@code ?rk=}); the generation list echoes each request, so a lost
 * submission is found by paging the newest generations back to the time it was sent.
 */
public class LumaGenerator extends HostedProvider {

    private static final int PAGE = 50;
    private static final int MAX_PAGES = 20;

    private final String callbackUrl;

    /** {@code callback-url}: where Luma reports a finished generation (with our key added as {@code rk}). */
    public LumaGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
        this.callbackUrl = settings.text("callback-url");
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model());
        body.put("prompt", request.prompt());
        body.put("aspect_ratio", request.aspectRatio());
        body.put("duration", Math.round(request.seconds()) + "s");
        body.put("resolution", Math.min(request.width(), request.height()) + "p");
        body.put("loop", false);
        body.put("callback_url", marker(key));
        return text(call("POST", settings.url("/generations/video"), headers(), body), "id");
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode generation = call("GET", settings.url("/generations/" + handle), headers(), null);
        return switch (text(generation, "state")) {
            case "completed" -> TaskStatus.succeeded(generation.path("assets").path("video").asText());
            case "failed" -> TaskStatus.failed(generation.path("failure_reason").asText("failed"));
            default -> TaskStatus.working();
        };
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        String marker = marker(key);
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode answer = call("GET", settings.url("/generations?limit=" + PAGE + "&offset=" + page * PAGE), headers(), null);
            boolean older = false;
            for (JsonNode generation : answer.path("generations")) {
                if (marker.equals(generation.path("request").path("callback_url").asText())) {
                    return Optional.of(generation.path("id").asText());
                }
                older |= Instant.parse(generation.path("created_at").asText(Instant.now().toString())).isBefore(since);
            }
            if (older || !answer.path("has_more").asBoolean(false)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String marker(String key) {
        return callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + "rk=" + key;
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings.apiKey());
    }
}
