package io.cutline.voice.speech;

import io.cutline.model.WordTiming;

import java.nio.file.Path;
import java.util.List;

import io.cutline.channel.Channel;

/**
 * Turns one narration line into an audio file. The embedded default is espeak-ng; ElevenLabs and
 * OpenAI-compatible speech services implement the same.
 */
public interface VoiceProvider {

    String name();

    /** The audio file extension this provider writes ({@code wav}, {@code mp3}). */
    String audioExtension();

    /**
     * Writes the narration of {@code text} in the channel's voice and language to {@code target},
     * whole or not at all, and returns its word timings when the provider gives them (else empty).
     */
    List<WordTiming> synthesize(Channel.Voice voice, String language, String text, Path target);
}
