package io.cutline.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a platform accepts (configured per platform in {@code cutline.distribution.<platform>.*}):
 * metadata (text beyond a limit is cut at a word boundary) and video (length, frame size, frame rate;
 * checked by the quality gates before anything is published). Vertical and square videos may have
 * their own limits (YouTube Shorts).
 */
public record PlatformRules(String platform, int titleMax, int descriptionMax, int hashtagMax, VideoLimits video,
                            VideoLimits verticalVideo) {

    /** Length in seconds, shorter and longer side in pixels, frames per second. */
    public record VideoLimits(double minSeconds, double maxSeconds, int minSide, int maxSide, int minFps, int maxFps) {

        private static final Pattern FORMAT = Pattern.compile(
                "\\s*(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)\\s*s\\s*,\\s*(\\d+)-(\\d+)\\s*px\\s*,\\s*(\\d+)-(\\d+)\\s*fps\\s*");

        /** Parses {@code 1-180 s, 144-7680 px, 1-60 fps} (length, sides, frame rate), as configuration writes them. */
        public static VideoLimits parse(String text) {
            Matcher matcher = FORMAT.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not of the form '1-180 s, 144-7680 px, 1-60 fps'");
            }
            return new VideoLimits(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                    Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)));
        }
    }

    /** The video limits for a frame of this shape (vertical or square videos may have their own). */
    public VideoLimits videoLimits(int width, int height) {
        return height >= width ? verticalVideo : video;
    }

    public String title(String title) {
        return cut(title.replace('<', '‹').replace('>', '›'), titleMax);
    }

    public String description(String description) {
        return cut(description.replace('<', '‹').replace('>', '›'), descriptionMax);
    }

    public List<String> hashtags(List<String> hashtags) {
        return hashtags.stream().limit(hashtagMax).toList();
    }

    /** Shortens to at most {@code max} characters (code points), ending at a word boundary with an ellipsis. */
    static String cut(String text, int max) {
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) <= max) {
            return trimmed;
        }
        String head = trimmed.substring(0, trimmed.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        if (space > max / 2) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
