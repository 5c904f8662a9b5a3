package io.cutline.generation.hosted;

import io.cutline.provider.AdapterKit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.provider.HttpGateway;
import io.cutline.config.ProviderSettings;
import io.cutline.timing.DurationRule;

/**
 * Veo through the Gemini API: {@code POST /models/{model}:predictLongRunning} starts an operation,
 * {@code GET /{operation}} reports it, the video is downloaded with the key. No lookup of a lost
 * submission without a webhook, so it is treated like Runway.
 */
public class VeoGenerator extends HostedProvider {

    public VeoGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        Map<String, Object> instance = request.firstFrame() == null ? Map.of("prompt", request.prompt())
                : Map.of("prompt", request.prompt(), "image", Map.of("bytesBase64Encoded", request.firstFrame().base64(),
                        "mimeType", request.firstFrame().mimeType()));
        Map<String, Object> body = Map.of(
                "instances", List.of(instance),
                "parameters", Map.of("aspectRatio", request.aspectRatio(), "durationSeconds", (int) Math.round(request.seconds()),
                        "resolution", Math.min(request.width(), request.height()) + "p", "sampleCount", 1));
        return text(call("POST", settings.url("/models/" + model() + ":predictLongRunning"), headers(), body), "name");
    }

    @Override
    public boolean takesFirstFrame() {
        return true;
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode operation = call("GET", settings.url("/" + handle), headers(), null);
        if (!operation.path("done").asBoolean(false)) {
            return TaskStatus.working();
        }
        if (operation.has("error")) {
            return TaskStatus.failed(operation.path("error").path("message").asText("failed"));
        }
        JsonNode response = operation.path("response").path("generateVideoResponse");
        String uri = response.path("generatedSamples").path(0).path("video").path("uri").asText("");
        if (uri.isEmpty()) {
            return TaskStatus.failed("no video (filtered by safety: " + response.path("raiMediaFilteredReasons") + ")");
        }
        return TaskStatus.succeeded(uri);
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        throw new UnsupportedOperationException("Veo operations cannot be found by a client key without a webhook");
    }

    @Override
    public void download(TaskStatus status, Path target) {
        fetch(status.videoUrl(), headers(), target);
    }

    private Map<String, String> headers() {
        return Map.of("x-goog-api-key", settings.apiKey());
    }
}
