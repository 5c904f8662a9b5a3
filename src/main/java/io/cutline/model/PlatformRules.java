package io.cutline.model;

import java.util.List;
import java.util.Map;

/**
 * What each platform accepts: metadata (text beyond a limit is cut at a word boundary) and video
 * (length, frame size, frame rate; checked by the quality gates before anything is published).
 */
public record PlatformRules(String platform, int titleMax, int descriptionMax, int hashtagMax, VideoLimits video,
                            VideoLimits verticalVideo) {

    /** Length in seconds, shorter and longer side in pixels, frames per second. */
    public record VideoLimits(double minSeconds, double maxSeconds, int minSide, int maxSide, int minFps, int maxFps) {
    }

    private static final Map<String, PlatformRules> KNOWN = Map.of(
            // YouTube: a vertical or square video up to 3 minutes is a Short; others may run 12 hours.
            "youtube", new PlatformRules("youtube", 100, 5000, 15,
                    new VideoLimits(1, 43_200, 144, 7680, 1, 60), new VideoLimits(1, 180, 144, 7680, 1, 60)),
            "tiktok", new PlatformRules("tiktok", 150, 2200, 20,
                    new VideoLimits(1, 600, 360, 4096, 23, 60), new VideoLimits(1, 600, 360, 4096, 23, 60)),
            // Reels: 3 s to 15 min, at most 1920 px wide.
            "instagram", new PlatformRules("instagram", 150, 2200, 30,
                    new VideoLimits(3, 900, 144, 1920, 23, 60), new VideoLimits(3, 900, 144, 1920, 23, 60)));

    public static PlatformRules of(String platform) {
        PlatformRules rules = KNOWN.get(platform);
        if (rules == null) {
            throw new IllegalArgumentException("no rules for platform '" + platform + "'");
        }
        return rules;
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
