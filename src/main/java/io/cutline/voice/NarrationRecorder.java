package io.cutline.voice;

import java.nio.file.Path;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.AudioDecoder;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.model.Scene;
import io.cutline.model.WordTiming;
import io.cutline.voice.speech.VoiceProvider;
import io.cutline.voice.speech.WordTimings;

/**
 * Records a scene's narration with a voice provider and measures it with ffprobe. Compressed audio
 * is decoded to WAV first, so the measured length is exactly what plays. Word timings come from the
 * provider, or are estimated from the audio's pauses.
 */
public class NarrationRecorder {

    /** Quieter than this for longer than that is a pause between words or phrases (for estimated timings). */
    private static final double SILENCE_THRESHOLD_DB = -35;
    private static final double SILENCE_MINIMUM_SECONDS = 0.12;

    private final MediaProbe probe;
    private final AudioAnalysis audio;
    private final AudioDecoder decoder;
    private final MediaStore media;

    public NarrationRecorder(MediaProbe probe, AudioAnalysis audio, AudioDecoder decoder, MediaStore media) {
        this.probe = probe;
        this.audio = audio;
        this.decoder = decoder;
        this.media = media;
    }

    VoiceTrack record(String jobId, Scene scene, Channel.Voice voice, String language, VoiceProvider provider) {
        Path target = media.voicePath(jobId, scene.index(), "wav");
        List<WordTiming> words;
        if (provider.audioExtension().equals("wav")) {
            words = provider.synthesize(voice, language, scene.narration(), target);
        } else {
            Path delivered = media.voicePath(jobId, scene.index(), provider.audioExtension());
            words = provider.synthesize(voice, language, scene.narration(), delivered);
            decoder.toWav(delivered, target);
        }
        MediaInfo measured = probe.probe(target);
        if (measured.audio().isEmpty()) {
            throw new CorruptMediaException(target, "no audio stream");
        }
        if (words.isEmpty()) {
            words = WordTimings.estimate(scene.narration(), measured.durationSeconds(),
                    audio.silences(target, SILENCE_THRESHOLD_DB, SILENCE_MINIMUM_SECONDS));
        }
        return new VoiceTrack(jobId, scene.index(), provider.name(), target.toString(), measured.durationSeconds(), words);
    }
}
