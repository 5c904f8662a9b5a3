package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cutline.channel.Channel;
import io.cutline.media.Fonts;
import io.cutline.model.WordTiming;

/**
 * Captions as an ASS subtitle file: each scene's narration in chunks of a few words (a chunk also
 * ends after punctuation), each chunk on screen from its first word until the next chunk, timed by
 * the words' timings; optionally the word being spoken in another colour. Narration text is escaped
 * for ASS ({@code \} and braces), so no caption can turn into a styling command.
 */
public final class Captions {

    /** A scene's words, with the scene's place on the video's time line. */
    public record SceneWords(double start, double end, List<WordTiming> words) {
    }

    /** One caption event: its words and, when highlighting, which of them is being spoken (else -1). */
    public record Cue(double start, double end, List<String> words, int highlight) {
        public String text() {
            return String.join(" ", words);
        }
    }

    private Captions() {
    }

    public static List<Cue> cues(List<SceneWords> scenes, int wordsPerCaption, boolean highlight) {
        List<Cue> cues = new ArrayList<>();
        for (SceneWords scene : scenes) {
            List<List<WordTiming>> chunks = chunks(scene.words(), wordsPerCaption);
            for (int c = 0; c < chunks.size(); c++) {
                List<WordTiming> chunk = chunks.get(c);
                double start = c == 0 ? scene.start() : scene.start() + chunk.get(0).start();
                double end = c == chunks.size() - 1 ? scene.end() : scene.start() + chunks.get(c + 1).get(0).start();
                List<String> words = chunk.stream().map(WordTiming::text).toList();
                if (!highlight) {
                    cues.add(new Cue(start, end, words, -1));
                    continue;
                }
                for (int w = 0; w < chunk.size(); w++) {
                    double wordStart = w == 0 ? start : scene.start() + chunk.get(w).start();
                    double wordEnd = w == chunk.size() - 1 ? end : scene.start() + chunk.get(w + 1).start();
                    cues.add(new Cue(wordStart, Math.max(wordStart, wordEnd), words, w));
                }
            }
        }
        return List.copyOf(cues);
    }

    static List<List<WordTiming>> chunks(List<WordTiming> words, int wordsPerCaption) {
        List<List<WordTiming>> chunks = new ArrayList<>();
        List<WordTiming> current = new ArrayList<>();
        for (WordTiming word : words) {
            current.add(word);
            if (current.size() >= wordsPerCaption || word.text().matches(".*[.!?,;:…]$")) {
                chunks.add(List.copyOf(current));
                current.clear();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    /**
     * The ASS file of {@code cues} in the channel's caption style (defaults where it sets none), set in
     * the channel's font if it has every glyph of the captions, else in a configured one that does.
     */
    public static String ass(List<Cue> cues, Channel.Captions style, Fonts fonts, int width, int height) {
        String font = fonts.forText(String.join(" ", cues.stream().map(Cue::text).distinct().toList()), style == null ? null : style.font());
        int size = style == null || style.size() == null ? 64 : style.size();
        String color = style == null || style.color() == null ? "#FFFFFF" : style.color();
        String outline = style == null || style.outlineColor() == null ? "#000000" : style.outlineColor();
        String highlight = style == null || style.highlightColor() == null ? Channel.Captions.DEFAULT_HIGHLIGHT : style.highlightColor();
        int fontSize = Math.round(size * Math.min(width, height) / 1080f);
        int marginV = Math.round(height * marginShare(width, height));
        StringBuilder ass = new StringBuilder();
        ass.append("[Script Info]\nScriptType: v4.00+\nPlayResX: ").append(width).append("\nPlayResY: ").append(height)
                .append("\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n");
        ass.append("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
                + "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, "
                + "Alignment, MarginL, MarginR, MarginV, Encoding\n");
        ass.append("Style: Caption,").append(font).append(',').append(fontSize).append(',')
                .append(assColor(color)).append(',').append(assColor(color)).append(',').append(assColor(outline))
                .append(",&H80000000,1,0,0,0,100,100,0,0,1,").append(Math.max(2, fontSize / 14)).append(",0,2,")
                .append(width / 12).append(',').append(width / 12).append(',').append(marginV).append(",1\n\n");
        ass.append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        for (Cue cue : cues) {
            ass.append("Dialogue: 0,").append(time(cue.start())).append(',').append(time(cue.end()))
                    .append(",Caption,,0,0,0,,").append(text(cue, assColor(highlight))).append('\n');
        }
        return ass.toString();
    }

    /** Where the caption's baseline sits: above the platforms' own buttons and captions on vertical video. */
    static float marginShare(int width, int height) {
        return height > width ? 0.22f : 0.08f;
    }

    private static String text(Cue cue, String highlightColor) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cue.words().size(); i++) {
            String word = escape(cue.words().get(i));
            parts.add(i == cue.highlight() ? "{\\1c" + highlightColor + "&}" + word + "{\\r}" : word);
        }
        return String.join(" ", parts);
    }

    /**
     * ASS text: backslashes cannot start an override (a zero-width space follows each), braces cannot
     * open a block (a backslash before each makes libass draw it), and line breaks and other control
     * characters, which would end the event's line or cut libass's text short, become spaces.
     */
    static String escape(String text) {
        return text.replace("\\", "\\\u200B")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ");
    }

    /** ASS time: h:mm:ss.cc (centiseconds). */
    static String time(double seconds) {
        long centis = Math.round(seconds * 100);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", centis / 360000, (centis / 6000) % 60, (centis / 100) % 60, centis % 100);
    }

    /** {@code #RRGGBB} to ASS {@code &H00BBGGRR}. */
    static String assColor(String hex) {
        String rgb = hex.substring(1);
        return "&H00" + rgb.substring(4, 6) + rgb.substring(2, 4) + rgb.substring(0, 2);
    }
}
