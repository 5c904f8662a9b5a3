package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cutline.config.ProviderSettings;
import io.cutline.config.Secrets;
import io.cutline.emulator.TikTokAccount;
import io.cutline.model.PermanentFailure;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TikTok's refresh-token rotation against the emulator (which refuses a refresh token once it has
 * given the next one): every refresh, on a 401 or on time, sends the token the last one gave, kept in
 * refresh-token-file readable by its owner only; a restart sends the file's token while the
 * environment's has long been refused; a token the file cannot take fails naming the file while this
 * run goes on with it; no refresh token reaches the log. Each test has an emulator of its own, as each
 * emulator's account has one chain of refresh tokens.
 */
class RefreshTokenRotationTest {

    @TempDir
    Path dir;

    @Test
    void everyRefreshSendsTheTokenTheLastOneGaveAndTheFileKeepsIt() throws Exception {
        try (EmulatedProviders providers = emulated(31)) {
            TikTokAccount tiktok = providers.emulator().tiktok();
            ProviderSettings block = tiktok(providers, Map.of());
            Path file = Path.of(block.text("refresh-token-file"));
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
            RefreshedAccessToken token = new RefreshedAccessToken(block, "client_key", providers.kit().http(), providers.kit().json(), clock);
            List<String> rotated = new ArrayList<>();

            String first = token.current();
            rotated.add(tiktok.refreshToken().orElseThrow());
            token.expired(first);
            String afterRefusal = token.current();
            rotated.add(tiktok.refreshToken().orElseThrow());
            clock.advance(Duration.ofDays(1));
            String onTime = token.current();
            rotated.add(tiktok.refreshToken().orElseThrow());

            assertThat(List.of(first, afterRefusal, onTime)).doesNotHaveDuplicates();
            assertThat(tiktok.refreshTokensIssued()).as("three refreshes, each accepted").isEqualTo(3);
            assertThat(rotated).doesNotHaveDuplicates();
            assertThat(Files.readString(file).strip()).isEqualTo(rotated.get(2));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(rotated).allSatisfy(refreshToken -> assertThat(Secrets.redact(refreshToken)).as("masked in logs").isEqualTo("***"));
            String logs = Files.readString(Path.of(System.getProperty("cutline.log.file")));
            assertThat(rotated).allSatisfy(refreshToken -> assertThat(logs).doesNotContain(refreshToken));
        }
    }

    @Test
    void aRestartSendsTheFilesTokenWhileTheEnvironmentsIsRefused() throws Exception {
        try (EmulatedProviders providers = emulated(37)) {
            TikTokAccount tiktok = providers.emulator().tiktok();
            ProviderSettings block = tiktok(providers, Map.of());
            token(providers, block).current();

            RefreshedAccessToken restarted = token(providers, block);
            assertThat(restarted.current()).isNotBlank();
            assertThat(tiktok.refreshTokensIssued()).isEqualTo(2);
            assertThat(Files.readString(Path.of(block.text("refresh-token-file"))).strip()).isEqualTo(tiktok.refreshToken().orElseThrow());

            Path empty = dir.resolve("no-rotation-yet");
            assertThatThrownBy(() -> token(providers, tiktok(providers, Map.of("refresh-token-file", empty.toString()))).current())
                    .as("the environment's token, rotated away by the first refresh")
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("invalid_grant")
                    .hasMessageContaining("put the new refresh token in " + EmulatedProviders.KEY_VARIABLE + " and delete " + empty);
        }
    }

    @Test
    void aRotatedTokenTheFileCannotTakeFailsNamingTheFileAndThisRunGoesOnWithIt() throws Exception {
        try (EmulatedProviders providers = emulated(41)) {
            // /proc takes no new file, whoever runs the test (root too), and reads as an absent file
            Path unwritable = Path.of("/proc/self/tiktok-refresh-token");
            RefreshedAccessToken token = token(providers, tiktok(providers, Map.of("refresh-token-file", unwritable.toString())));

            assertThatThrownBy(token::current).isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("cannot be written to " + unwritable).hasMessageContaining("let this user write that file");
            String access = token.current();
            assertThat(access).as("the access token that came with it").isNotBlank();
            token.expired(access);
            assertThatThrownBy(token::current).as("refreshed with the unsaved token, which still cannot be written")
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("cannot be written to " + unwritable);
            assertThat(providers.emulator().tiktok().refreshTokensIssued()).isEqualTo(2);
        }
    }

    /** An emulator of the test's own; its first answers may be slow on a loaded machine, beyond the emulated default of 2 s. */
    private static EmulatedProviders emulated(long seed) {
        return new EmulatedProviders(seed, Map.of("cutline.providers.response-timeout-ms", "15000")).open();
    }

    private static RefreshedAccessToken token(EmulatedProviders providers, ProviderSettings block) {
        return new RefreshedAccessToken(block, "client_key", providers.kit().http(), providers.kit().json(), Clock.systemUTC());
    }

    /** The emulated tiktok block, changed as {@code changed} says. */
    private static ProviderSettings tiktok(EmulatedProviders providers, Map<String, String> changed) {
        ProviderSettings block = providers.block("cutline.distribution", "tiktok");
        Map<String, String> values = new HashMap<>(block.values());
        values.putAll(changed);
        return new ProviderSettings(block.name(), block.propertyPrefix(), values);
    }
}
