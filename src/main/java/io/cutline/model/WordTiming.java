package io.cutline.model;

/** When one word of a narration is spoken, in seconds from the start of its audio. */
public record WordTiming(String text, double start, double end) {
}
