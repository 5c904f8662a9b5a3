package io.cutline.generation.hosted;

import io.cutline.provider.AdapterKit;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.config.Credentials;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.timing.DurationRule;

/**
 * Kling: {@code POST /v1/videos/text2video} with our key as {@code external_task_id};
 * {@code GET /v1/videos/text2video/{id}} accepts the task id or that key, which is how a lost
 * submission is found. The bearer token is a JWT (HS256) made from the access and secret keys.
 */
public class KlingGenerator extends HostedProvider {

    /** The keys come from the variables {@code access-key-env} and {@code secret-key-env} name. */
    private volatile Token token;

    public KlingGenerator(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public String submit(ClipRequest request, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model_name", model());
        body.put("prompt", request.prompt());
        body.put("aspect_ratio", request.aspectRatio());
        body.put("duration", String.valueOf(Math.round(request.seconds())));
        body.put("mode", "std");
        body.put("external_task_id", key);
        try {
            return text(accepted(call("POST", settings.url("/v1/videos/text2video"), headers(), body)).path("data"), "task_id");
        } catch (ProviderRejectedException refused) {
            // Kling refuses an external_task_id it already has: that submission landed (and was paid), so it is adopted.
            if (refused.getMessage().contains("HTTP 400")) {
                return lookUp(request, key, Instant.EPOCH).orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    @Override
    public TaskStatus status(String handle) {
        JsonNode data = accepted(call("GET", settings.url("/v1/videos/text2video/" + handle), headers(), null)).path("data");
        return switch (text(data, "task_status")) {
            case "succeed" -> TaskStatus.succeeded(data.path("task_result").path("videos").path(0).path("url").asText());
            case "failed" -> TaskStatus.failed(data.path("task_status_msg").asText("failed"));
            default -> TaskStatus.working();
        };
    }

    @Override
    public Optional<String> lookUp(ClipRequest request, String key, Instant since) {
        try {
            JsonNode data = accepted(call("GET", settings.url("/v1/videos/text2video/" + key), headers(), null)).path("data");
            return Optional.of(text(data, "task_id"));
        } catch (ProviderRejectedException notFound) {
            if (notFound.getMessage().contains("HTTP 404")) {
                return Optional.empty();
            }
            throw notFound;
        }
    }

    /** Kling answers 200 with {@code code} 0 on success; anything else is an error even with 200. */
    private JsonNode accepted(JsonNode answer) {
        if (answer.path("code").asInt(-1) != 0) {
            throw new ProviderUnavailableException(provider(), "service code " + answer.path("code") + ": " + answer.path("message"), true, null);
        }
        return answer;
    }

    /**
     * The token is valid for 30 minutes and reused for 25 (or until a key changes): signing one for
     * every call cost more CPU than the poller's own bookkeeping of the look.
     */
    private Map<String, String> headers() {
        String accessKey = settings.secret("access-key-env");
        String secretKey = settings.secret("secret-key-env");
        long now = System.currentTimeMillis();
        Token current = token;
        if (current == null || now >= current.renewAt || !current.accessKey.equals(accessKey) || !current.secretKey.equals(secretKey)) {
            String signed = JWT.create().withIssuer(accessKey).withExpiresAt(new Date(now + 1_800_000))
                    .withNotBefore(new Date(now - 5_000)).sign(Algorithm.HMAC256(secretKey));
            current = new Token(accessKey, secretKey, "Bearer " + signed, now + 1_500_000);
            token = current;
        }
        return Map.of("Authorization", current.bearer);
    }

    /** A signed token and the keys it was made from (a class, not a record: no toString to print the secret). */
    private static final class Token {
        private final String accessKey;
        private final String secretKey;
        private final String bearer;
        private final long renewAt;

        private Token(String accessKey, String secretKey, String bearer, long renewAt) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
            this.bearer = bearer;
            this.renewAt = renewAt;
        }
    }
}
