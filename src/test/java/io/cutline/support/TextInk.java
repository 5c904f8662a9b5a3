package io.cutline.support;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;

/**
 * Measures drawn text without OCR: where the bright (text-coloured) pixels of a frame lie, and, as
 * an independent reference, how wide Java's own text engine (its shaping, bidi and rasterizer, not
 * FFmpeg's) sets the same lines in the same font. Text drawn as written matches the reference
 * width; text expanded, cut short or turned into styling does not.
 */
public final class TextInk {

    /** The bounding box of the bright pixels; empty when there are none. */
    public record Box(int left, int top, int right, int bottom) {
        public boolean empty() {
            return right < left;
        }

        public int width() {
            return empty() ? 0 : right - left + 1;
        }
    }

    private TextInk() {
    }

    /** The box of pixels of at least {@code threshold} luma in a gray frame. */
    public static Box of(byte[] gray, int width, int height, int threshold) {
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((gray[y * width + x] & 0xff) >= threshold) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Box(left, top, right, bottom);
    }

    /** The ink width of {@code lines} (each set from the same left edge), with the em {@code emPixels} wide. */
    public static int referenceWidth(String lines, String family, int style, float emPixels) {
        Font font = new Font(family, style, 1).deriveFont(emPixels);
        FontRenderContext context = new FontRenderContext(null, true, true);
        int left = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        for (String line : lines.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Rectangle ink = new TextLayout(line, font, context).getPixelBounds(context, 0, 0);
            left = Math.min(left, ink.x);
            right = Math.max(right, ink.x + ink.width);
        }
        return right < left ? 0 : right - left;
    }

    /**
     * The em of a font libass sets at ASS size {@code assSize}: like VSFilter, libass makes the font's
     * ascent plus descent, not its em, that many pixels tall.
     */
    public static float assEm(String family, int style, int assSize) {
        Font font = new Font(family, style, 1).deriveFont(100f);
        LineMetrics metrics = font.getLineMetrics("H", new FontRenderContext(null, true, true));
        return assSize * 100f / (metrics.getAscent() + metrics.getDescent());
    }
}
