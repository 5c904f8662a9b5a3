package io.cutline.ledger;

/** A finished rendition of a job's video. */
public record Render(String jobId, String rendition, String path, int width, int height, double durationSeconds) {
}
