package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cutline.channel.Channel;

/**
 * Writes captions as an ASS subtitle file: each scene's narration in chunks of a few words, each
 * chunk on screen for a share of the scene proportional to its length. Narration text is escaped
 * for ASS ({@code \} and braces), so no caption can turn into a styling command.
 */
public final class Captions {

    public record Cue(double start, double end, String text) {
    }

    private Captions() {
    }

    public static List<Cue> cues(List<String> narrations, List<SceneTiming.Span> spans, int wordsPerCaption) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < narrations.size(); i++) {
            SceneTiming.Span span = spans.get(i);
            String[] words = narrations.get(i).strip().split("\\s+");
            List<String> chunks = new ArrayList<>();
            for (int w = 0; w < words.length; w += wordsPerCaption) {
                chunks.add(String.join(" ", java.util.Arrays.copyOfRange(words, w, Math.min(words.length, w + wordsPerCaption))));
            }
            int totalLength = chunks.stream().mapToInt(chunk -> chunk.length() + 1).sum();
            double cursor = span.start();
            for (String chunk : chunks) {
                double share = span.seconds() * (chunk.length() + 1) / totalLength;
                cues.add(new Cue(cursor, cursor + share, chunk));
                cursor += share;
            }
        }
        return List.copyOf(cues);
    }

    public static String ass(List<Cue> cues, Channel.Captions style, int width, int height) {
        String font = style == null || style.font() == null ? "DejaVu Sans" : style.font();
        int size = style == null || style.size() == null ? 64 : style.size();
        String color = style == null || style.color() == null ? "#FFFFFF" : style.color();
        String outline = style == null || style.outlineColor() == null ? "#000000" : style.outlineColor();
        int fontSize = Math.round(size * width / 1080f);
        int marginV = Math.round(height * (height > width ? 0.22f : 0.08f));
        StringBuilder ass = new StringBuilder();
        ass.append("[Script Info]\nScriptType: v4.00+\nPlayResX: ").append(width).append("\nPlayResY: ").append(height)
                .append("\nWrapStyle: 0\nScaledBorderAndShadow: yes\n\n");
        ass.append("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
                + "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, "
                + "Alignment, MarginL, MarginR, MarginV, Encoding\n");
        ass.append("Style: Caption,").append(font.replace(",", " ")).append(',').append(fontSize).append(',')
                .append(assColor(color)).append(',').append(assColor(color)).append(',').append(assColor(outline))
                .append(",&H80000000,1,0,0,0,100,100,0,0,1,").append(Math.max(2, fontSize / 14)).append(",0,2,")
                .append(width / 12).append(',').append(width / 12).append(',').append(marginV).append(",1\n\n");
        ass.append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        for (Cue cue : cues) {
            ass.append("Dialogue: 0,").append(time(cue.start())).append(',').append(time(cue.end()))
                    .append(",Caption,,0,0,0,,").append(escape(cue.text())).append('\n');
        }
        return ass.toString();
    }

    /** ASS text: backslashes cannot start an override, braces cannot open a block, line breaks become spaces. */
    static String escape(String text) {
        return text.replace("\\", "\\\u200B")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replaceAll("[\\r\\n]+", " ");
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
