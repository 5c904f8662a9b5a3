package io.cutline.distribution;

import java.util.List;
import java.util.Map;

/** What each platform accepts in metadata; text beyond a limit is cut at a word boundary. */
public record PlatformRules(String platform, int titleMax, int descriptionMax, int hashtagMax) {

    private static final Map<String, PlatformRules> KNOWN = Map.of(
            "youtube", new PlatformRules("youtube", 100, 5000, 15),
            "tiktok", new PlatformRules("tiktok", 150, 2200, 20),
            "instagram", new PlatformRules("instagram", 150, 2200, 30));

    public static PlatformRules of(String platform) {
        PlatformRules rules = KNOWN.get(platform);
        if (rules == null) {
            throw new IllegalArgumentException("no rules for platform '" + platform + "'");
        }
        return rules;
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
