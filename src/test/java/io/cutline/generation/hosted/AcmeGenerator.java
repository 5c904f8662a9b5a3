package io.cutline.generation.hosted;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.config.ProviderSettings;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.provider.AdapterKit;

/**
 * A provider that exists only in the tests (see AddingAProviderTest and the README's "Adding a
 * provider"): the adapter, one class. Acme has no look-up, so a lost reply is settled by its
 * {@code unknown-outcome} policy.
 */
public class AcmeGenerator extends HostedProvider {

    public AcmeGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        return text(call("POST", settings.url("/clips"), headers(), Map.of("prompt", request.prompt(),
                "seconds", (int) Math.round(request.seconds()), "width", request.width(), "height", request.height())), "id");
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode clip = call("GET", settings.url("/clips/" + handle), headers(), null);
        return switch (text(clip, "status")) {
            case "done" -> TaskStatus.succeeded(text(clip, "video"));
            case "failed" -> TaskStatus.failed(clip.path("reason").asText("failed"));
            default -> TaskStatus.working();
        };
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        throw new UnsupportedOperationException("Acme cannot find a clip but by its id");
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings.apiKey());
    }
}
