package io.cutline.generation.clip;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is asked of a video generator for one clip. Everything that changes the result is in here,
 * so its hash identifies the generation. {@code firstFrame}: the image the clip starts from, if any
 * (left out of the JSON when absent, so text-only requests keep their keys).
 */
public record ClipRequest(String prompt, double seconds, int width, int height, int fps, long seed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) FirstFrame firstFrame) {

    /** A text-to-video request. */
    public ClipRequest(String prompt, double seconds, int width, int height, int fps, long seed) {
        this(prompt, seconds, width, height, fps, seed, null);
    }

    /** The aspect ratio as providers spell it, e.g. {@code 9:16}. */
    public String aspectRatio() {
        int divisor = gcd(width, height);
        return (width / divisor) + ":" + (height / divisor);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
