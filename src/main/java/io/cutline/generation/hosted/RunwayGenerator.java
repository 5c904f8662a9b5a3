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
 * Runway ({@code X-Runway-Version: 2024-11-06}): {@code POST /v1/text_to_video}, {@code GET /v1/tasks/{id}}.
 * Runway echoes no client field and lists no tasks, so a lost submission cannot be found again.
 */
public class RunwayGenerator extends HostedProvider {

    private static final String VERSION = "2024-11-06";

    public RunwayGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model());
        body.put("promptText", request.prompt());
        body.put("ratio", request.width() + ":" + request.height());
        body.put("duration", (int) Math.round(request.seconds()));
        body.put("seed", request.seed() % 4_294_967_295L);
        if (request.firstFrame() != null) {
            body.put("promptImage", request.firstFrame().dataUri());
            return text(call("POST", settings.url("/v1/image_to_video"), headers(), body), "id");
        }
        return text(call("POST", settings.url("/v1/text_to_video"), headers(), body), "id");
    }

    @Override
    public boolean takesFirstFrame() {
        return true;
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode task = call("GET", settings.url("/v1/tasks/" + handle), headers(), null);
        return switch (text(task, "status")) {
            case "SUCCEEDED" -> TaskStatus.succeeded(task.path("output").path(0).asText());
            case "FAILED", "CANCELLED" -> TaskStatus.failed(task.path("failure").asText("failed")
                    + (task.has("failureCode") ? " (" + task.path("failureCode").asText() + ")" : ""));
            default -> TaskStatus.working();
        };
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        throw new UnsupportedOperationException("Runway has no way to find a task but by its id");
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings.apiKey(), "X-Runway-Version", VERSION);
    }
}
