package io.cutline.voice.speech;

import io.cutline.model.WordTiming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.emulator.Fault;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The voice adapters against the emulator's wire protocols: success and each kind of failure. */
class VoiceAdapterContractTest {

    private static final String TEXT = "Octopuses have three hearts, and blue blood.";
    private static final String KEY_VARIABLE = EmulatedProviders.KEY_VARIABLE;

    @RegisterExtension
    /** Speech is synthesized while the call waits: a longer answer timeout than the video adapters'. */
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(7, java.util.Map.of("cutline.providers.response-timeout-ms", "30000"));

    @TempDir
    Path dir;

    @Test
    void elevenLabsGivesAudioAndWordTimingsFromItsAlignment() {
        Path target = dir.resolve("voice.mp3");
        List<WordTiming> words = elevenLabs(KEY_VARIABLE).synthesize(voice("Rachel"), "en-US", TEXT, target);
        MediaInfo audio = PROVIDERS.probe().probe(target);
        assertThat(audio.audio()).hasValueSatisfying(stream -> assertThat(stream.codec()).isEqualTo("mp3"));
        assertThat(words).extracting(WordTiming::text).containsExactly(TEXT.split(" "));
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).end());
        }
        assertThat(words.get(words.size() - 1).end()).isCloseTo(audio.durationSeconds(), within(0.15));
    }

    @Test
    void elevenLabsFailuresSayWhatToDoNext() {
        PROVIDERS.emulator().faults().queue("elevenlabs", new Fault(Fault.Kind.RATE_LIMIT, 0, 2.5, 0), 1);
        long before = requests("elevenlabs");
        assertThatThrownBy(() -> speak(elevenLabs(KEY_VARIABLE)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(2500)))
                .hasMessageContaining("Too many concurrent requests");
        assertThat(requests("elevenlabs") - before).as("sent once: no automatic retry by the HTTP client").isEqualTo(1);

        PROVIDERS.emulator().faults().queue("elevenlabs", new Fault(Fault.Kind.SERVER_ERROR, 503, 0, 0), 1);
        assertThatThrownBy(() -> speak(elevenLabs(KEY_VARIABLE))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("System busy");

        PROVIDERS.emulator().faults().queue("elevenlabs", Fault.of(Fault.Kind.MALFORMED), 1);
        assertThatThrownBy(() -> speak(elevenLabs(KEY_VARIABLE))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("unusable reply");

        PROVIDERS.emulator().faults().queue("elevenlabs", Fault.of(Fault.Kind.LOST_REPLY), 1);
        assertThatThrownBy(() -> speak(elevenLabs(KEY_VARIABLE))).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.requestSent()).as("the request reached the provider").isTrue());

        PROVIDERS.emulator().faults().queue("elevenlabs", Fault.of(Fault.Kind.CORRUPT), 1);
        Path corrupt = dir.resolve("corrupt.mp3");
        elevenLabs(KEY_VARIABLE).synthesize(voice("Rachel"), "en", TEXT, corrupt);
        assertThatThrownBy(() -> PROVIDERS.probe().probe(corrupt)).isInstanceOf(CorruptMediaException.class);
    }

    @Test
    void aWrongKeyIsRefusedWithoutShowingTheKey() {
        assertThatThrownBy(() -> speak(elevenLabs("PATH"))).isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid API key")
                .hasMessageNotContaining(System.getenv("PATH"));
        assertThatThrownBy(() -> speak(elevenLabs("CUTLINE_NO_SUCH_VARIABLE")))
                .hasMessageContaining("environment variable CUTLINE_NO_SUCH_VARIABLE (named by cutline.voice.elevenlabs.api-key-env) is not set");
    }

    @Test
    void openAiCompatibleSpeechGivesWav() throws Exception {
        Path target = dir.resolve("voice.wav");
        List<WordTiming> words = openAi(KEY_VARIABLE).synthesize(voice("coral"), "en", TEXT, target);
        assertThat(words).as("no timings from this protocol").isEmpty();
        assertThat(PROVIDERS.probe().probe(target).audio()).hasValueSatisfying(stream -> assertThat(stream.codec()).startsWith("pcm_"));
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    @Test
    void openAiFailuresSayWhatToDoNext() {
        PROVIDERS.emulator().faults().queue("openai", new Fault(Fault.Kind.RATE_LIMIT, 0, 1, 0), 1);
        assertThatThrownBy(() -> speak(openAi(KEY_VARIABLE))).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1))).hasMessageContaining("Rate limit reached");
        PROVIDERS.emulator().faults().queue("openai", new Fault(Fault.Kind.SERVER_ERROR, 500, 0, 0), 1);
        assertThatThrownBy(() -> speak(openAi(KEY_VARIABLE))).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> speak(openAi("PATH"))).isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("Incorrect API key provided");
    }

    @Test
    void anUnreachableProviderIsKnownNotToHaveReceivedTheRequest() {
        assertThatThrownBy(() -> speak(PROVIDERS.adapter("cutline.voice", "openai", VoiceProvider.class,
                java.util.Map.of("base-url", "http://127.0.0.1:1/v1"))))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.requestSent()).isFalse())
                .hasMessageContaining("cannot connect");
    }

    private static long requests(String provider) {
        var account = PROVIDERS.emulator().billing().accounts().get(provider);
        return account == null ? 0 : account.requests();
    }

    private void speak(VoiceProvider provider) {
        provider.synthesize(voice("v"), "en", TEXT, dir.resolve("out." + provider.audioExtension()));
    }

    private static VoiceProvider elevenLabs(String keyVariable) {
        return PROVIDERS.adapter("cutline.voice", "elevenlabs", VoiceProvider.class, java.util.Map.of("api-key-env", keyVariable));
    }

    private static VoiceProvider openAi(String keyVariable) {
        return PROVIDERS.adapter("cutline.voice", "openai", VoiceProvider.class, java.util.Map.of("api-key-env", keyVariable));
    }

    private static Channel.Voice voice(String name) {
        return new Channel.Voice("x", name, null, null);
    }
}
