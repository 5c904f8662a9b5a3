package io.cutline.provider;

import io.cutline.config.Secrets;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a provider's non-2xx reply into the exception that says what to do next: 429 (slow down,
 * honouring Retry-After), 408 and 5xx (try again later), other 4xx (do not try again). A 429 that
 * says the account is out of credit (OpenAI's {@code insufficient_quota}) is not a rate limit:
 * waiting does not help, so it is refused like a 4xx and the job parks saying why. The
 * provider's own error message is kept; request headers (keys) never appear in it.
 */
public final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_LIMIT = 300;

    private ProviderErrors() {
    }

    public static HttpGateway.Reply check(String provider, HttpGateway.Reply reply) {
        if (reply.ok()) {
            return reply;
        }
        String message = message(reply);
        if (reply.status() == 429 && outOfCredit(reply)) {
            throw new ProviderRejectedException(provider, reply.status(), "out of credit or over the account's quota (add credit or "
                    + "raise the limit, then retry the job): " + message);
        }
        if (reply.status() == 429) {
            throw new RateLimitedException(provider, retryAfter(reply), message);
        }
        if (reply.status() == 408 || reply.status() >= 500) {
            throw new ProviderUnavailableException(provider, "HTTP " + reply.status() + (message.isEmpty() ? "" : ": " + message),
                    true, null);
        }
        throw new ProviderRejectedException(provider, reply.status(), message);
    }

    /** Whether a 429 means the account has no credit left rather than "slow down". */
    private static boolean outOfCredit(HttpGateway.Reply reply) {
        try {
            return JSON.readTree(reply.text()).path("error").path("code").asText("").equals("insufficient_quota");
        } catch (Exception notJson) {
            return false;
        }
    }

    /** Retry-After in seconds (fractions allowed) or as an HTTP date; retry-after-ms first when present. */
    static Duration retryAfter(HttpGateway.Reply reply) {
        String millis = reply.header("retry-after-ms");
        try {
            if (millis != null) {
                return Duration.ofMillis((long) Double.parseDouble(millis.trim()));
            }
            String value = reply.header("Retry-After");
            if (value == null) {
                return null;
            }
            if (value.trim().matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
            }
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The error text providers put in their JSON bodies ({@code error.message}, {@code detail}, {@code message}...). */
    static String message(HttpGateway.Reply reply) {
        String text = reply.text().strip();
        try {
            JsonNode body = JSON.readTree(text);
            for (JsonNode candidate : new JsonNode[] {body.path("error").path("message"), body.path("detail").path("message"),
                    body.path("detail"), body.path("message"), body.path("error"), body.path("failure")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return limit(candidate.asText());
                }
                if (candidate.isArray() && !candidate.isEmpty()) {
                    return limit(candidate.toString());
                }
            }
        } catch (Exception notJson) {
            // fall through to the raw text
        }
        return limit(text);
    }

    /** Cut to a readable length, and never quoting a key the provider echoed back. */
    private static String limit(String text) {
        String clean = Secrets.redact(text);
        return clean.length() <= MESSAGE_LIMIT ? clean : clean.substring(0, MESSAGE_LIMIT) + "…";
    }
}
