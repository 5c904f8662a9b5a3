package io.cutline.media;

/** A silent stretch of audio, in seconds from its start. */
public record Silence(double start, double end) {
}
