package io.cutline.assembly;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * A thumbnail title as the lines drawtext draws: the words as written, broken into lines of about
 * {@code width} characters at spaces. A word longer than a line is broken between characters (a
 * letter keeps its marks, a surrogate pair stays whole), so that the whole title stays on the
 * picture. Line breaks, tabs and other control characters are spaces: drawtext would
 * stop at a NUL and draw the others as missing glyphs.
 */
final class TitleLines {

    private TitleLines() {
    }

    static String wrap(String title, int width) {
        StringBuilder lines = new StringBuilder();
        int lineLength = 0;
        for (String word : title.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]", " ").strip().split("\\s+")) {
            for (List<String> piece : pieces(characters(word), width)) {
                if (lineLength > 0 && lineLength + 1 + piece.size() > width) {
                    lines.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    lines.append(' ');
                    lineLength++;
                }
                piece.forEach(lines::append);
                lineLength += piece.size();
            }
        }
        return lines.toString();
    }

    /** The user-perceived characters of a word (grapheme clusters). */
    private static List<String> characters(String word) {
        List<String> characters = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getCharacterInstance();
        boundaries.setText(word);
        for (int start = boundaries.first(), end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            characters.add(word.substring(start, end));
        }
        return characters;
    }

    private static List<List<String>> pieces(List<String> characters, int width) {
        List<List<String>> pieces = new ArrayList<>();
        for (int start = 0; start < characters.size(); start += width) {
            pieces.add(characters.subList(start, Math.min(characters.size(), start + width)));
        }
        return pieces;
    }
}
