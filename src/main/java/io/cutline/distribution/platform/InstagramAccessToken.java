package io.cutline.distribution.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.config.Secrets;
import io.cutline.model.PermanentFailure;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;

/**
 * An Instagram long-lived user access token (Instagram Login has no refresh token): the one in the
 * environment variable {@code access-token-env} names, exchanged for a fresh one at
 * {@code token-url} ({@code refresh_access_token}, grant {@code ig_refresh_token}) when the platform
 * answers 401. Meta refreshes only a token that has not expired yet (60 days): one that has is a
 * failure telling the operator to make a new one.
 */
final class InstagramAccessToken implements AccessToken {

    private final ProviderSettings settings;
    private final HttpGateway http;
    private final ObjectMapper json;
    private String token;
    private boolean refused;

    InstagramAccessToken(ProviderSettings settings, HttpGateway http, ObjectMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
    }

    @Override
    public synchronized String current() {
        if (token == null) {
            token = settings.secret("access-token-env");
        }
        if (refused) {
            token = refresh(token);
            refused = false;
        }
        return token;
    }

    @Override
    public synchronized void expired(String refusedToken) {
        if (refusedToken != null && refusedToken.equals(token)) {
            refused = true;
        }
    }

    private String refresh(String old) {
        String url = settings.text("token-url") + "?grant_type=ig_refresh_token&access_token=" + URLEncoder.encode(old, StandardCharsets.UTF_8);
        try {
            HttpGateway.Reply reply = ProviderErrors.check(settings.name(), http.send(settings.name(), new HttpGateway.Call("GET", url, Map.of(), null)));
            String fresh = reply.object(settings.name(), json).path("access_token").asText("");
            if (fresh.isBlank()) {
                throw new ProviderUnavailableException(settings.name(), "token reply without access_token", true, null);
            }
            return Secrets.register(fresh);
        } catch (ProviderRejectedException e) {
            throw new PermanentFailure(settings.name() + ": Instagram refused to refresh the access token (" + e.getMessage()
                    + "); make a new long-lived token and put it in " + settings.text("access-token-env"), e);
        }
    }
}
