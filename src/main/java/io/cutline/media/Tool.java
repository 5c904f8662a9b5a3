package io.cutline.media;

/** The external programs Cutline runs; each one's path is a property. */
public enum Tool {
    FFMPEG("cutline.tools.ffmpeg"),
    FFPROBE("cutline.tools.ffprobe"),
    ESPEAK("cutline.tools.espeak");

    private final String property;

    Tool(String property) {
        this.property = property;
    }

    public String property() {
        return property;
    }
}
