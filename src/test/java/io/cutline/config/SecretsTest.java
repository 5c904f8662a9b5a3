package io.cutline.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void knownSecretsAndCredentialShapesAreMasked() {
        Secrets.register("sk-test-3f9a77c1d2e4");
        assertThat(Secrets.redact("Incorrect API key provided: sk-test-3f9a77c1d2e4. You can find your key at ..."))
                .isEqualTo("Incorrect API key provided: ***. You can find your key at ...");
        assertThat(Secrets.redact("GET https://x.test/v1?api_key=abc123&rk=clip")).isEqualTo("GET https://x.test/v1?api_key=***&rk=clip");
        assertThat(Secrets.redact("Authorization: Bearer eyJhbGciOi.x.y")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.redact("no clip in flight at luma with key 3f9a")).as("prose keeps its words").contains("key 3f9a");
    }

    @Test
    void shortValuesAreNotTreatedAsSecrets() {
        Secrets.register("abc");
        assertThat(Secrets.redact("abcdef")).isEqualTo("abcdef");
    }
}
