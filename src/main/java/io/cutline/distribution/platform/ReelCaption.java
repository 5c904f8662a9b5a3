package io.cutline.distribution.platform;

import java.util.regex.Pattern;

import io.cutline.model.PermanentFailure;

/**
 * A reel's caption: title, description and hashtags, the description cut so the whole fits
 * Instagram's 2200 characters; a caption that still does not fit, or has more than 30 hashtags, is
 * refused before anything is uploaded, naming which limit it breaks.
 */
final class ReelCaption {

    static final int MAX_CHARACTERS = 2200;
    static final int MAX_HASHTAGS = 30;
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_])#[\\p{L}\\p{N}_]+");

    private ReelCaption() {
    }

    static String of(PostMetadata metadata, String platform) {
        String tags = metadata.hashtags().isEmpty() ? "" : "\n\n" + String.join(" ", metadata.hashtags());
        String description = metadata.description() == null ? "" : metadata.description().strip();
        int room = MAX_CHARACTERS - metadata.title().codePointCount(0, metadata.title().length()) - tags.codePointCount(0, tags.length()) - 2;
        if (description.codePointCount(0, description.length()) > room) {
            description = room <= 0 ? "" : description.substring(0, description.offsetByCodePoints(0, room)).strip();
        }
        String caption = metadata.title() + (description.isEmpty() ? "" : "\n\n" + description) + tags;
        int characters = caption.codePointCount(0, caption.length());
        if (characters > MAX_CHARACTERS) {
            throw new PermanentFailure(platform + ": the caption of job " + metadata.jobId() + " has " + characters
                    + " characters with its title and hashtags alone; Instagram takes at most " + MAX_CHARACTERS);
        }
        long hashtags = HASHTAG.matcher(caption).results().count();
        if (hashtags > MAX_HASHTAGS) {
            throw new PermanentFailure(platform + ": the caption of job " + metadata.jobId() + " has " + hashtags
                    + " hashtags; Instagram takes at most " + MAX_HASHTAGS);
        }
        return caption;
    }
}
