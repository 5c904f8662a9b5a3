package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an ASS file back and checks that its captions show every narration word, in order: the
 * text of the events (override blocks removed, escapes undone, consecutive repeats of the same
 * caption, as highlighting makes, counted once) must be the narration word for word.
 */
public final class CaptionCoverage {

    private CaptionCoverage() {
    }

    /** Empty when every word is covered in order; otherwise where the captions first differ. */
    public static Optional<String> problem(List<String> narrations, String ass) {
        List<String> expected = new ArrayList<>();
        narrations.forEach(narration -> expected.addAll(words(narration)));
        List<String> shown = new ArrayList<>();
        String previous = null;
        for (String line : ass.split("\n")) {
            if (!line.startsWith("Dialogue:")) {
                continue;
            }
            String text = plain(eventText(line));
            if (!text.equals(previous)) {
                shown.addAll(words(text));
                previous = text;
            }
        }
        for (int i = 0; i < Math.max(expected.size(), shown.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(end)";
            String got = i < shown.size() ? shown.get(i) : "(end)";
            if (!want.equals(got)) {
                return Optional.of("word " + (i + 1) + " of " + expected.size() + ": captions show '" + got + "', narration says '"
                        + want + "'");
            }
        }
        return Optional.empty();
    }

    /** The Text field: everything after the ninth comma. */
    private static String eventText(String line) {
        int index = -1;
        for (int commas = 0; commas < 9; commas++) {
            index = line.indexOf(',', index + 1);
        }
        return line.substring(index + 1);
    }

    /** Removes override blocks and undoes the escapes {@link Captions#escape} applies. */
    static String plain(String text) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '}')) {
                plain.append(text.charAt(++i));
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\u200B') {
                plain.append('\\');
                i++;
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                i = close < 0 ? text.length() : close;
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    /** Words between spaces, line breaks and control characters (which captions show as spaces), lower-cased. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+")) {
            if (!token.isEmpty()) {
                words.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
