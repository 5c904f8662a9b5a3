package io.cutline.voice;

import java.nio.file.Path;

import io.cutline.channel.Channel;

/** Turns one narration line into an audio file. The embedded default is espeak-ng; paid voices implement the same. */
public interface VoiceProvider {

    String name();

    /** Writes the narration of {@code text} in the channel's voice to {@code target} (WAV). */
    void synthesize(Channel.Voice voice, String text, Path target);
}
