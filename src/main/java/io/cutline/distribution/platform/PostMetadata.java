package io.cutline.distribution.platform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The text that goes with a video on a platform, already cut to the platform's limits.
 * {@code publishAt}: when the post is to go public, for platforms that schedule natively (YouTube);
 * null to publish at once. {@code shortNumber}: 0 for the job's video, n for the n-th short cut from it.
 */
public record PostMetadata(String jobId, String channel, String platform, String language, String title,
                           String description, List<String> hashtags, double durationSeconds, int width, int height,
                           boolean syntheticMedia, @JsonInclude(JsonInclude.Include.NON_NULL) Instant publishAt,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) int shortNumber) {

    /**
     * What names this post among the job's posts, where a platform or a file needs one (a marker tag, an
     * idempotency key, a file name): the job id for its video, {@code <job>-short-<n>} for a short.
     */
    @JsonIgnore
    public String postId() {
        return shortNumber == 0 ? jobId : jobId + "-short-" + shortNumber;
    }
}
