package io.cutline.distribution.platform;

import java.util.List;

/** The text that goes with a video on a platform, already cut to the platform's limits. */
public record PostMetadata(String jobId, String channel, String platform, String language, String title,
                           String description, List<String> hashtags, double durationSeconds, int width, int height,
                           boolean syntheticMedia) {
}
