package io.cutline.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.cutline.model.PermanentFailure;
import org.junit.jupiter.api.Test;

/** What each kind of error reply turns into: wait and try again, try again later, or stop and say why. */
class ProviderErrorsTest {

    @Test
    void aRateLimitWaitsForRetryAfter() {
        HttpGateway.Reply reply = reply(429, Map.of("Retry-After", "7"),
                "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        assertThatThrownBy(() -> ProviderErrors.check("openai", reply)).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void anAccountOutOfCreditIsNotARateLimitAndIsNotTriedAgain() {
        HttpGateway.Reply reply = reply(429, Map.of(), "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan "
                + "and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}");
        assertThatThrownBy(() -> ProviderErrors.check("openai", reply)).isInstanceOf(ProviderRejectedException.class)
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("openai: refused with HTTP 429")
                .hasMessageContaining("out of credit").hasMessageContaining("You exceeded your current quota");
    }

    @Test
    void aServerErrorIsTriedLaterAndABadRequestIsNot() {
        assertThatThrownBy(() -> ProviderErrors.check("anthropic", reply(529, Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 529: Overloaded");
        assertThatThrownBy(() -> ProviderErrors.check("anthropic", reply(400, Map.of(), "not json")))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("HTTP 400: not json");
    }

    private static HttpGateway.Reply reply(int status, Map<String, String> headers, String body) {
        return new HttpGateway.Reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
