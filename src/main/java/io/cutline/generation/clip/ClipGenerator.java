package io.cutline.generation.clip;

import java.nio.file.Path;

import io.cutline.timing.DurationRule;

/**
 * A video generation provider. The embedded default renders locally with FFmpeg; hosted providers
 * implement the same contract behind their HTTP protocols.
 */
public interface ClipGenerator {

    /** The provider's name as channels and the router use it, e.g. {@code local}. */
    String provider();

    /** The model id; part of what identifies a generation. */
    String model();

    /** The clip lengths the model can produce (from configuration). */
    DurationRule durations();

    /** Produces the clip for {@code request} at {@code target}, whole or not at all. */
    void generate(ClipRequest request, Path target);
}
