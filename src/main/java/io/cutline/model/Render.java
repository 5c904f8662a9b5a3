package io.cutline.model;

/** A finished rendition of a job's video, with its thumbnail. */
public record Render(String jobId, String rendition, String path, int width, int height, double durationSeconds, String thumbnailPath) {
}
