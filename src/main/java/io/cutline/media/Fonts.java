package io.cutline.media;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses the font family a text is set in: the first family, of the one asked for and then the
 * configured ones in order, that is installed and has a glyph for every character of the text; when
 * none has them all, the installed one with the most (earlier wins a tie); when none is installed,
 * the first, for fontconfig to substitute. FFmpeg's drawtext sets a whole text in one font, with no
 * fallback per character, so this choice is what lets a Hebrew, Arabic or CJK title render once a
 * font with those glyphs is installed and configured; libass does fall back per character, but
 * captions get the same choice so that a caption is set in one font.
 *
 * <p>Glyph coverage is read through Java's font system, which finds the same installed fonts as
 * fontconfig. Only plain family names (letters, digits, spaces, {@code . _ -}) are ever chosen: a
 * family is named inside a filter graph and an ASS style line, where other characters are syntax.
 */
public class Fonts {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9 ._-]+");

    private final List<String> configured;

    /** {@code configured}: families in order of preference; at least one, each a plain name. */
    public Fonts(List<String> configured) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("no font family configured");
        }
        for (String family : configured) {
            if (!isPlainName(family)) {
                throw new IllegalArgumentException("font family '" + family
                        + "' cannot be named to FFmpeg: use letters, digits, spaces, '.', '_' and '-'");
            }
        }
        this.configured = List.copyOf(configured);
    }

    public static boolean isPlainName(String family) {
        return family != null && PLAIN_NAME.matcher(family).matches() && !family.isBlank();
    }

    /** The family to set {@code text} in; {@code asked} (a channel's font, may be null) comes first when it can be named. */
    public String forText(String text, String asked) {
        List<String> candidates = new ArrayList<>();
        if (isPlainName(asked)) {
            candidates.add(asked.strip());
        }
        candidates.addAll(configured);
        int[] characters = drawnCharacters(text);
        String best = null;
        int bestCovered = -1;
        for (String family : candidates) {
            Font font = new Font(family, Font.PLAIN, 12);
            if (!font.getFamily(Locale.ROOT).equalsIgnoreCase(family)) {
                continue;
            }
            int covered = 0;
            for (int character : characters) {
                covered += font.canDisplay(character) ? 1 : 0;
            }
            if (covered == characters.length) {
                return family;
            }
            if (covered > bestCovered) {
                best = family;
                bestCovered = covered;
            }
        }
        return best == null ? candidates.get(0) : best;
    }

    /**
     * The distinct characters that need a glyph: not spaces, control or formatting characters (a
     * zero-width space, a joiner) or variation selectors (which only pick a form of the character before).
     */
    static int[] drawnCharacters(String text) {
        return text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT && !(c >= 0xFE00 && c <= 0xFE0F))
                .distinct()
                .toArray();
    }
}
