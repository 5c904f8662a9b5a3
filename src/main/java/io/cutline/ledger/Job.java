package io.cutline.ledger;

import java.time.OffsetDateTime;

/** A row of the jobs table. */
public record Job(
        String id,
        String channelId,
        String requestedTopic,
        String requestKey,
        String origin,
        JobState state,
        Step step,
        Step failedStep,
        Integer failedScene,
        String failureReason,
        int attempt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
