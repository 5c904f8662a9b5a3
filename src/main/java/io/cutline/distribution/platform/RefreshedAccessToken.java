package io.cutline.distribution.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.config.Secrets;
import io.cutline.model.PermanentFailure;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;

/**
 * An OAuth 2.0 access token from the refresh-token grant: the client id and client secret come from
 * the environment variables the block names ({@code client-id-env}, {@code client-secret-env}), the
 * refresh token from {@code refresh-token-file} once a refresh has rotated it, else from
 * {@code refresh-token-env} ({@link RefreshTokenStore}); the token endpoint is {@code token-url}. The
 * token is refreshed {@code token-refresh-before-s} seconds before it expires, and at once when the
 * platform answers 401 ({@link #expired}).
 */
final class RefreshedAccessToken implements AccessToken {

    private final HttpGateway http;
    private final ObjectMapper json;
    private final ProviderSettings settings;
    private final String clientIdField;
    private final String tokenUrl;
    private final Duration early;
    private final Clock clock;
    private final RefreshTokenStore refreshTokens;
    private String token;
    private Instant refreshAt = Instant.MIN;

    /** {@code clientIdField}: what the token endpoint calls the client id ({@code client_id}, TikTok's {@code client_key}). */
    RefreshedAccessToken(ProviderSettings settings, String clientIdField, HttpGateway http, ObjectMapper json, Clock clock) {
        this.clientIdField = clientIdField;
        this.http = http;
        this.json = json;
        this.settings = settings;
        this.early = Duration.ofSeconds(settings.integer("token-refresh-before-s"));
        this.clock = clock;
        this.tokenUrl = settings.text("token-url");
        this.refreshTokens = RefreshTokenStore.of(Path.of(settings.text("refresh-token-file")));
    }

    /** A token that is good for a while yet, refreshed first if it is about to expire. */
    @Override
    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            refresh();
        }
        return token;
    }

    @Override
    public synchronized void expired(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }

    private void refresh() {
        refreshTokens.refresh(() -> settings.secret("refresh-token-env"), this::grant);
    }

    /** The refresh-token grant with {@code refreshToken}: keeps the access token, answers the refresh token to send next time. */
    private String grant(String refreshToken) {
        Map<String, String> form = Map.of("grant_type", "refresh_token", clientIdField, settings.secret("client-id-env"),
                "client_secret", settings.secret("client-secret-env"), "refresh_token", refreshToken);
        String body = form.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpGateway.Reply reply;
        try {
            reply = ProviderErrors.check(settings.name(), http.send(settings.name(), new HttpGateway.Call("POST", tokenUrl,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8))));
        } catch (ProviderRejectedException e) {
            throw new PermanentFailure(settings.name() + ": the OAuth token endpoint refused the refresh token (" + e.getMessage()
                    + "); authorize the app again, put the new refresh token in " + settings.text("refresh-token-env")
                    + " and delete " + refreshTokens.file() + " if it is there (it holds the last token the endpoint gave)", e);
        }
        JsonNode answer;
        try {
            answer = json.readTree(reply.body());
        } catch (Exception e) {
            throw new ProviderUnavailableException(settings.name(), "unreadable token reply: " + e.getMessage(), true, e);
        }
        String fresh = answer.path("access_token").asText("");
        if (fresh.isBlank()) {
            throw new ProviderUnavailableException(settings.name(), "token reply without access_token", true, null);
        }
        token = Secrets.register(fresh);
        refreshAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)).minus(early);
        // Google answers without one (its refresh tokens do not rotate); TikTok with the one to send next time
        return answer.path("refresh_token").asText(refreshToken);
    }
}
