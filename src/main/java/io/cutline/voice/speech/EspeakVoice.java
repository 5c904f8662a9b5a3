package io.cutline.voice.speech;

import io.cutline.model.WordTiming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;

/** Local speech with espeak-ng. The text goes through a file, never the command line. */
public class EspeakVoice implements VoiceProvider {

    private final String name;
    private final ToolRunner tools;

    public EspeakVoice(ProviderSettings settings, AdapterKit kit) {
        this.name = settings.name();
        this.tools = kit.tools();
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
            tools.run(Tool.ESPEAK, List.of("-v", voice.name(), "-s", String.valueOf(voice.wordsPerMinuteOrDefault()),
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
