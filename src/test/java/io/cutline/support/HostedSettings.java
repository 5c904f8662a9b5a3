package io.cutline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

import io.cutline.distribution.platform.InstagramPublisher;
import io.cutline.distribution.platform.TikTokPublisher;
import io.cutline.distribution.platform.YouTubePublisher;
import io.cutline.emulator.ProviderEmulator;

/** Settings that point every hosted provider (video, voice and LLM writers) at the emulator, and a copy of the quick channel using one of them. */
public final class HostedSettings {

    /**
     * Where the refresh tokens an emulator's TikTok rotated are kept, by emulator: every service and
     * adapter talking to one emulator (a restart too) sends the token it gave last, and none starts
     * from a token another emulator gave, which this one would refuse.
     */
    private static final Map<ProviderEmulator, Path> REFRESH_TOKENS = Collections.synchronizedMap(new WeakHashMap<>());

    private HostedSettings() {
    }

    public static Map<String, String> emulated(ProviderEmulator emulator) {
        return emulated(emulator.baseUrl(), REFRESH_TOKENS.computeIfAbsent(emulator, started -> TestService.newRoot("refresh-tokens")));
    }

    /** Settings for an emulator at {@code base} (e.g. one running in another process), its rotated refresh tokens kept in a new directory. */
    public static Map<String, String> emulated(String base) {
        return emulated(base, TestService.newRoot("refresh-tokens"));
    }

    private static Map<String, String> emulated(String base, Path refreshTokens) {
        Map<String, String> settings = new HashMap<>();
        settings.put("cutline.generation.runway.base-url", base);
        settings.put("cutline.generation.luma.base-url", base + "/dream-machine/v1");
        settings.put("cutline.generation.veo.base-url", base + "/v1beta");
        settings.put("cutline.generation.kling.base-url", base);
        settings.put("cutline.generation.fal.base-url", base + "/fal/queue");
        settings.put("cutline.generation.fal.platform-url", base + "/fal/api");
        settings.put("cutline.generation.luma.callback-url", "http://127.0.0.1:9/hooks/luma");
        for (String provider : new String[] {"runway", "luma", "veo", "fal"}) {
            settings.put("cutline.generation." + provider + ".api-key-env", "CUTLINE_TEST_API_KEY");
        }
        settings.put("cutline.generation.kling.access-key-env", "PATH");
        settings.put("cutline.generation.kling.secret-key-env", "CUTLINE_TEST_API_KEY");
        settings.put("cutline.generation.poll-tick-ms", "100");
        for (String provider : new String[] {"runway", "luma", "veo", "kling", "fal"}) {
            settings.put("cutline.generation." + provider + ".poll-interval-ms", "200");
        }
        settings.put("cutline.voice.elevenlabs.base-url", base);
        settings.put("cutline.voice.openai.base-url", base + "/v1");
        for (String provider : new String[] {"elevenlabs", "openai"}) {
            settings.put("cutline.voice." + provider + ".api-key-env", "CUTLINE_TEST_API_KEY");
        }
        settings.put("cutline.writer.openai.base-url", base + "/v1");
        settings.put("cutline.writer.openai.api-key-env", "CUTLINE_TEST_API_KEY");
        settings.put("cutline.writer.anthropic.base-url", base);
        settings.put("cutline.writer.anthropic.api-key-env", "CUTLINE_TEST_API_KEY");
        settings.put("cutline.distribution.youtube.base-url", base);
        settings.put("cutline.distribution.youtube.token-url", base + "/oauth2/token");
        settings.put("cutline.distribution.youtube.chunk-kib", "256");
        settings.put("cutline.distribution.youtube.analytics-url", base);
        settings.put("cutline.distribution.tiktok.base-url", base);
        settings.put("cutline.distribution.tiktok.token-url", base + "/v2/oauth/token/");
        settings.put("cutline.distribution.tiktok.chunk-mib", "5");
        settings.put("cutline.distribution.instagram.base-url", base + "/graph/v23.0");
        settings.put("cutline.distribution.instagram.token-url", base + "/graph/refresh_access_token");
        settings.put("cutline.distribution.instagram.access-token-env", "CUTLINE_TEST_API_KEY");
        settings.put("cutline.distribution.instagram.chunk-mib", "1");
        for (String platform : new String[] {"youtube", "tiktok", "instagram"}) {
            settings.put("cutline.distribution." + platform + ".status-interval-ms", "20");
            settings.put("cutline.distribution." + platform + ".live-within-s", "1");
            settings.put("cutline.distribution." + platform + ".resume-delay-ms", "10");
        }
        for (String platform : new String[] {"youtube", "tiktok"}) {
            for (String credential : new String[] {"client-id-env", "client-secret-env", "refresh-token-env"}) {
                settings.put("cutline.distribution." + platform + "." + credential, "CUTLINE_TEST_API_KEY");
            }
            settings.put("cutline.distribution." + platform + ".refresh-token-file", refreshTokens.resolve(platform).toString());
        }
        settings.put("cutline.providers.response-timeout-ms", "2000");
        settings.put("cutline.providers.downloads.allow-loopback", "true");
        settings.put("cutline.generation.download-retry-ms", "300");
        return settings;
    }

    /** A service with the API on {@code port} that publishes the quick channel with the real publishers, to the emulated YouTube, TikTok and Instagram. */
    public static Map<String, String> publishingService(ProviderEmulator emulator, int port) {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.putAll(TestService.withApi(port));
        settings.putAll(emulated(emulator));
        settings.put("cutline.distribution.youtube.adapter", YouTubePublisher.class.getName());
        settings.put("cutline.distribution.tiktok.adapter", TikTokPublisher.class.getName());
        settings.put("cutline.distribution.instagram.adapter", InstagramPublisher.class.getName());
        return settings;
    }

    /** A channels directory holding the quick channel generated by {@code provider}, with room in its budget. */
    public static Path quickChannelOn(Path root, String provider) throws IOException {
        return quickChannel(root, "generation:\n  provider: " + provider + "\n", 100, 1000);
    }

    /** A channels directory holding the quick channel with {@code generation} and these budgets. */
    public static Path quickChannel(Path root, String generation, double perVideoUsd, double perDayUsd) throws IOException {
        Path channels = Files.createDirectories(root.resolve("channels"));
        Files.writeString(channels.resolve("quick.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("perVideoUsd: 0", "perVideoUsd: " + perVideoUsd).replace("perDayUsd: 0", "perDayUsd: " + perDayUsd) + generation);
        return channels;
    }
}
