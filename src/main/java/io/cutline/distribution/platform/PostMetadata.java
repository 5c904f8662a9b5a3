package io.cutline.distribution.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The text that goes with a video on a platform, already cut to the platform's limits.
 * {@code publishAt}: when the post is to go public, for platforms that schedule natively (YouTube);
 * null to publish at once.
 */
public record PostMetadata(String jobId, String channel, String platform, String language, String title,
                           String description, List<String> hashtags, double durationSeconds, int width, int height,
                           boolean syntheticMedia, @JsonInclude(JsonInclude.Include.NON_NULL) Instant publishAt) {
}
