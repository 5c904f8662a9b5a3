package io.cutline.model;

/**
 * A frame size a video is rendered at: 1080x1920 (YouTube Shorts, TikTok, Reels), 1920x1080
 * (YouTube), 1080x1080 (optional). Each platform gets the rendition that fits it.
 */
public record Rendition(String shape, int width, int height) {

    public static final Rendition VERTICAL = new Rendition("vertical", 1080, 1920);
    public static final Rendition HORIZONTAL = new Rendition("horizontal", 1920, 1080);
    public static final Rendition SQUARE = new Rendition("square", 1080, 1080);

    /** The name used in file names, the ledger and the API, e.g. {@code 1080x1920}. */
    public String name() {
        return width + "x" + height;
    }

    public boolean sameAspectAs(int otherWidth, int otherHeight) {
        return (long) width * otherHeight == (long) height * otherWidth;
    }

    public static Rendition of(String shape) {
        return switch (shape) {
            case "vertical" -> VERTICAL;
            case "horizontal" -> HORIZONTAL;
            case "square" -> SQUARE;
            default -> throw new IllegalArgumentException("no rendition '" + shape + "' (vertical, horizontal, square)");
        };
    }
}
