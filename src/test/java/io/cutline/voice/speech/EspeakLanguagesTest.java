package io.cutline.voice.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.support.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which espeak-ng voice speaks a channel's other languages, and that espeak-ng has those voices. */
class EspeakLanguagesTest {

    private static final Channel.Voice AMERICAN = new Channel.Voice("espeak", "en-us", 175, null);
    private static final Map<String, String> CONFIGURED = EspeakVoice.languageVoices("zh:cmn, pt-BR : pt-br");

    @TempDir
    Path work;

    @Test
    void theChannelsVoiceSpeaksItsLanguageAndEspeaksOwnVoiceEveryOther() {
        assertThat(EspeakVoice.voiceFor(AMERICAN, "en", CONFIGURED)).isEqualTo("en-us");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "en-GB", CONFIGURED)).as("the channel's accent is kept").isEqualTo("en-us");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "de", CONFIGURED)).isEqualTo("de");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "he", CONFIGURED)).isEqualTo("he");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "zh", CONFIGURED)).as("espeak-ng calls Mandarin cmn").isEqualTo("cmn");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "zh-Hans", CONFIGURED)).isEqualTo("cmn");
        assertThat(EspeakVoice.voiceFor(AMERICAN, "pt-BR", CONFIGURED)).isEqualTo("pt-br");
    }

    @Test
    void aPairThatIsNotLanguageColonVoiceIsRefusedNamingIt() {
        assertThatThrownBy(() -> EspeakVoice.languageVoices("zh:cmn, hebrew")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("language-voices: 'hebrew' is not language:voice (e.g. zh:cmn)");
    }

    /** espeak-ng speaks German and Hebrew text with those voices (a voice it lacks is an error, not silence). */
    @Test
    void espeakSpeaksGermanAndHebrew() throws Exception {
        for (String[] spoken : List.of(new String[] {"de", "Größe und Maß"}, new String[] {"he", "שלום לכל העולם"})) {
            Path text = Files.writeString(work.resolve(spoken[0] + ".txt"), spoken[1]);
            Path audio = work.resolve(spoken[0] + ".wav");
            Probe.run(List.of("espeak-ng", "-v", EspeakVoice.voiceFor(AMERICAN, spoken[0], CONFIGURED), "-w", audio.toString(),
                    "-f", text.toString()));
            assertThat(Probe.duration(audio)).as(spoken[0]).isGreaterThan(0.5);
        }
    }
}
