package io.cutline.channel;

import com.fasterxml.jackson.annotation.JsonValue;

/** The shape of a channel's videos; fixes the frame size of the master rendition. */
public enum Format {
    VERTICAL_SHORT("vertical-short", 1080, 1920),
    HORIZONTAL_LONG("horizontal-long", 1920, 1080);

    private final String id;
    private final int width;
    private final int height;

    Format(String id, int width, int height) {
        this.id = id;
        this.width = width;
        this.height = height;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The rendition name used in file names and the ledger, e.g. {@code 1080x1920}. */
    public String rendition() {
        return width + "x" + height;
    }
}
