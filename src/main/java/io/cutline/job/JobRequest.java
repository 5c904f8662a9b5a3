package io.cutline.job;

/** A request to produce one video: from the API, a schedule, or the command line. */
public record JobRequest(String channel, String topic, String idempotencyKey, String origin) {
}
