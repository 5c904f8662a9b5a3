package io.cutline.job;

/**
 * A request to produce one video: from the API, a schedule, or the command line. {@code story}: the
 * brief (and storyboard) the caller wrote, which then take the place of layers 1 and 2; null when the
 * channel's writers write them.
 */
public record JobRequest(String channel, String topic, CallerStory story, String idempotencyKey, String origin) {

    /** A request for the channel's writers to write the brief and storyboard. */
    public JobRequest(String channel, String topic, String idempotencyKey, String origin) {
        this(channel, topic, null, idempotencyKey, origin);
    }

    /** The same request as it arrived by another way in (the MCP server checks requests as the REST API does). */
    public JobRequest from(String otherOrigin) {
        return new JobRequest(channel, topic, story, idempotencyKey, otherOrigin);
    }
}
