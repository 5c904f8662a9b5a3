package io.cutline.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import io.cutline.provider.WebhookSignature;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The value as any HMAC library computes it (Python: hmac.new(secret, b"1764684000." + body, sha256).hexdigest()). */
    @Test
    void signsTheTimestampADotAndTheBodyWithHmacSha256() {
        assertThat(WebhookSignature.header("whsec_test_secret", 1764684000L, "{\"id\":\"e1\",\"type\":\"job.completed\"}"))
                .isEqualTo("t=1764684000,v1=b6adc50d9bd0c169a4813a94c1a695f588a9d2129f304c61314b46e24911a094");
    }

    @Test
    void retriesWaitTheBackOffDoublingUpToItsCeiling() {
        WebhookPostman postman = new WebhookPostman(null, Clock.systemUTC(), null, "UNSET", 8, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(20));
        assertThat(postman.backOffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(postman.backOffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(postman.backOffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(postman.backOffAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(postman.backOffAfter(40)).isEqualTo(Duration.ofSeconds(60));
    }
}
