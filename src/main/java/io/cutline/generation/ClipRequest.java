package io.cutline.generation;

/**
 * What is asked of a video generator for one clip. Everything that changes the result is in here,
 * so its hash identifies the generation.
 */
public record ClipRequest(String prompt, double seconds, int width, int height, int fps, long seed) {

    /** The aspect ratio as providers spell it, e.g. {@code 9:16}. */
    public String aspectRatio() {
        int divisor = gcd(width, height);
        return (width / divisor) + ":" + (height / divisor);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
