package io.cutline.distribution.platform;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Secrets;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;

/**
 * Calls to a platform's API with an OAuth access token: a 401 gets a fresh token and one more try;
 * a refusal names the platform's own reason (where its error JSON keeps it, {@code reasonAt} and
 * {@code messageAt} as JSON pointers), its message cut short and cleaned of any credential it quotes
 * back; 429, 408 and 5xx as {@link ProviderErrors} says.
 */
final class PlatformHttp {

    private static final int MESSAGE_LIMIT = 300;

    private final String platform;
    private final HttpGateway http;
    private final ObjectMapper json;
    private final AccessToken token;
    private final String reasonAt;
    private final String messageAt;

    PlatformHttp(String platform, HttpGateway http, ObjectMapper json, AccessToken token, String reasonAt, String messageAt) {
        this.platform = platform;
        this.http = http;
        this.json = json;
        this.token = token;
        this.reasonAt = reasonAt;
        this.messageAt = messageAt;
    }

    /** Sends the call the access token makes; the reply whatever its status. */
    HttpGateway.Reply send(Function<String, HttpGateway.Call> request) {
        String current = token.current();
        HttpGateway.Reply reply = http.send(platform, request.apply(current));
        if (reply.status() == 401) {
            token.expired(current);
            reply = http.send(platform, request.apply(token.current()));
        }
        return reply;
    }

    /** {@link #send}, then {@link #check}, then the JSON body. */
    JsonNode json(Function<String, HttpGateway.Call> request) {
        return body(check(send(request)));
    }

    /** The reply if it is a success; else the exception that says whether trying again can help. */
    HttpGateway.Reply check(HttpGateway.Reply reply) {
        if (!reply.ok() && reply.status() >= 400 && reply.status() < 500 && reply.status() != 408 && reply.status() != 429) {
            String reason = "";
            String message = reply.text();
            try {
                JsonNode error = json.readTree(reply.body());
                reason = error.at(reasonAt).asText("");
                message = error.at(messageAt).asText(message);
            } catch (IOException notJson) {
                // the raw text it is
            }
            String clean = Secrets.redact(message);
            throw new ProviderRejectedException(platform, reply.status(), (reason.isEmpty() ? "" : reason + ": ")
                    + (clean.length() > MESSAGE_LIMIT ? clean.substring(0, MESSAGE_LIMIT) + "…" : clean));
        }
        return ProviderErrors.check(platform, reply);
    }

    /** The reply's JSON object, or an unknown-outcome error. */
    JsonNode body(HttpGateway.Reply reply) {
        try {
            JsonNode answer = json.readTree(reply.body());
            if (answer == null || !answer.isObject()) {
                throw new IOException("not a JSON object");
            }
            return answer;
        } catch (IOException e) {
            throw new ProviderUnavailableException(platform, "unreadable reply (HTTP " + reply.status() + "): " + e.getMessage(), true, e);
        }
    }

    /** Waits before the next try; an interrupt ends the attempt as an unknown outcome. */
    void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(platform, "interrupted while waiting to try again", true, e);
        }
    }

    /** A required text field, or an unknown-outcome error naming it. */
    String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new ProviderUnavailableException(platform, "reply without " + field, true, null);
        }
        return value;
    }
}
