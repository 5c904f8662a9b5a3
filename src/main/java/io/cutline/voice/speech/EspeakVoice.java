package io.cutline.voice.speech;

import io.cutline.model.WordTiming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;

/**
 * Local speech with espeak-ng. The text goes through a file, never the command line. The channel's
 * voice speaks its own language; another language (a language variant) is spoken by espeak-ng's voice
 * of that language: its tag ({@code de}, {@code he}), or the voice {@code language-voices} names for it
 * ({@code zh:cmn}) where espeak-ng calls it otherwise.
 */
public class EspeakVoice implements VoiceProvider {

    private final String name;
    private final ToolRunner tools;
    private final Map<String, String> languageVoices;

    public EspeakVoice(ProviderSettings settings, AdapterKit kit) {
        this.name = settings.name();
        this.tools = kit.tools();
        this.languageVoices = languageVoices(settings.optional("language-voices").orElse(""));
    }

    /** {@code language:voice} pairs separated by commas. */
    static Map<String, String> languageVoices(String pairs) {
        Map<String, String> voices = new LinkedHashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split(":");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("language-voices: '" + pair.strip() + "' is not language:voice (e.g. zh:cmn)");
            }
            voices.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
        }
        return Map.copyOf(voices);
    }

    /** The espeak-ng voice that speaks {@code language}: the channel's own if it speaks that language. */
    static String voiceFor(Channel.Voice voice, String language, Map<String, String> languageVoices) {
        String tag = language.toLowerCase(Locale.ROOT);
        String primary = tag.split("-")[0];
        if (voice.name().toLowerCase(Locale.ROOT).split("-")[0].equals(primary)) {
            return voice.name();
        }
        return languageVoices.getOrDefault(tag, languageVoices.getOrDefault(primary, tag));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String audioExtension() {
        return "wav";
    }

    /** espeak-ng reports no word timings: they are estimated from the audio. */
    @Override
    public List<WordTiming> synthesize(Channel.Voice voice, String language, String text, Path target) {
        Path script = MediaStore.temporaryFor(target.resolveSibling(target.getFileName() + ".txt"));
        Path audio = MediaStore.temporaryFor(target);
        try {
            Files.writeString(script, text, StandardCharsets.UTF_8);
            tools.run(Tool.ESPEAK, List.of("-v", voiceFor(voice, language, languageVoices), "-s", String.valueOf(voice.wordsPerMinuteOrDefault()),
                    "-p", String.valueOf(voice.pitchOrDefault()), "-w", audio.toString(), "-f", script.toString()));
            MediaStore.moveIntoPlace(audio, target);
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            MediaStore.deleteQuietly(script);
            MediaStore.deleteQuietly(audio);
        }
    }
}
