package io.cutline.distribution.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;

/**
 * What YouTube is told about a video (the Video resource of {@code videos.insert}), from the youtube
 * block's {@code privacy}, {@code category} and {@code made-for-kids} and the post's metadata, within
 * YouTube's rules: no {@code <} or {@code >}, a description of at most 5000 bytes, tags of at most
 * 500 characters, and {@code #Shorts} for a vertical or square video of at most 180 s.
 */
record YouTubeVideoResource(String privacy, String category, boolean madeForKids) {

    private static final int SHORT_MAX_SECONDS = 180;
    private static final int DESCRIPTION_MAX_BYTES = 5000;
    private static final String SHORTS_LINE = "\n\n#Shorts";
    private static final int TAGS_MAX_CHARACTERS = 500;

    static YouTubeVideoResource of(ProviderSettings settings) {
        String privacy = settings.text("privacy");
        if (!List.of("public", "unlisted", "private").contains(privacy)) {
            throw new IllegalStateException("property " + settings.property("privacy") + " must be public, unlisted or private, got " + privacy);
        }
        return new YouTubeVideoResource(privacy, settings.text("category"), Boolean.parseBoolean(settings.text("made-for-kids")));
    }

    /** The post's marker tag (its {@link PostMetadata#postId()}), by which its video is found again when an upload's answer was lost. */
    static String marker(String postId) {
        return "cutline-" + postId;
    }

    /** The Video resource: snippet (title, description, tags with the job's marker first, category, language) and status. */
    ObjectNode of(PostMetadata metadata, ObjectMapper json) {
        ObjectNode video = json.createObjectNode();
        ObjectNode snippet = video.putObject("snippet");
        snippet.put("title", withoutAngles(metadata.title()));
        snippet.put("description", description(metadata));
        ArrayNode tags = snippet.putArray("tags");
        tags(metadata).forEach(tags::add);
        snippet.put("categoryId", category);
        snippet.put("defaultLanguage", metadata.language());
        snippet.put("defaultAudioLanguage", metadata.language());
        ObjectNode status = video.putObject("status");
        if (metadata.publishAt() != null) {
            status.put("privacyStatus", "private").put("publishAt", metadata.publishAt().toString());
        } else {
            status.put("privacyStatus", privacy);
        }
        status.put("selfDeclaredMadeForKids", madeForKids);
        status.put("containsSyntheticMedia", metadata.syntheticMedia());
        return video;
    }

    /** The description without {@code <} {@code >}, with {@code #Shorts} for a Short, within 5000 bytes. */
    private static String description(PostMetadata metadata) {
        String description = withoutAngles(metadata.description() == null ? "" : metadata.description());
        boolean isShort = metadata.height() >= metadata.width() && metadata.durationSeconds() <= SHORT_MAX_SECONDS;
        if (isShort && !description.toLowerCase(Locale.ROOT).contains("#shorts")) {
            description = fitBytes(description, DESCRIPTION_MAX_BYTES - SHORTS_LINE.length()).strip();
            description = description.isEmpty() ? "#Shorts" : description + SHORTS_LINE;
        }
        return fitBytes(description, DESCRIPTION_MAX_BYTES);
    }

    /** The job's marker, then the hashtags as tags, as many as fit in YouTube's 500 characters. */
    private static List<String> tags(PostMetadata metadata) {
        List<String> tags = new ArrayList<>(List.of(marker(metadata.postId())));
        int used = marker(metadata.postId()).length();
        for (String hashtag : metadata.hashtags()) {
            String tag = withoutAngles(hashtag.replaceFirst("^#+", "")).strip();
            int cost = tag.length() + (tag.contains(" ") ? 2 : 0);
            if (!tag.isEmpty() && used + cost <= TAGS_MAX_CHARACTERS) {
                tags.add(tag);
                used += cost;
            }
        }
        return tags;
    }

    /** YouTube refuses {@code <} and {@code >} in titles and descriptions: they become ‹ and ›. */
    private static String withoutAngles(String text) {
        return text.replace('<', '‹').replace('>', '›');
    }

    /** {@code text} cut (at a character boundary) to at most {@code bytes} bytes of UTF-8. */
    private static String fitBytes(String text, int bytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + size > bytes) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
