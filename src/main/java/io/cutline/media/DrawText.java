package io.cutline.media;

import java.util.regex.Pattern;

/**
 * FFmpeg's drawtext filter, the one way Cutline draws text into a picture. The text is read from a
 * file in the tool's working directory, named by a plain file name, and drawn as written:
 * {@code expansion=none} turns off drawtext's text expansion, under which a {@code %} would remove
 * the whole text (a "stray %" error) and {@code %{localtime}} or {@code %{pts}} would be replaced.
 * Right-to-left lines are reordered and Arabic letters joined (drawtext's text shaping, on by
 * default). The font is a family the caller chose with {@link Fonts}.
 */
public final class DrawText {

    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private DrawText() {
    }

    /**
     * A drawtext filter.
     *
     * @param textFile a file name in the working directory (letters, digits, {@code . _ -})
     * @param font     a plain font family name ({@link Fonts#isPlainName})
     * @param look     the rest of the filter's options, written by the caller's code (size, colour, position)
     */
    public static String filter(String textFile, String font, String look) {
        if (!PLAIN_FILE_NAME.matcher(textFile).matches()) {
            throw new IllegalArgumentException("text file '" + textFile + "' is not a plain file name");
        }
        if (!Fonts.isPlainName(font)) {
            throw new IllegalArgumentException("font family '" + font + "' is not a plain name");
        }
        return "drawtext=textfile=" + textFile + ":expansion=none:font=" + font + ":" + look;
    }
}
