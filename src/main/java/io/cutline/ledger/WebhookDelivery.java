package io.cutline.ledger;

import java.time.OffsetDateTime;

/**
 * A row of the webhook_deliveries table: one event for one URL, with its exact JSON payload, how
 * many attempts it has had, when it is next due and what the last attempt got.
 */
public record WebhookDelivery(
        String id,
        String eventId,
        String eventType,
        String jobId,
        String channelId,
        String url,
        String payload,
        State state,
        int attempts,
        OffsetDateTime nextAttemptAt,
        Integer lastStatus,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** PENDING until a 2xx answer (DELIVERED) or until its attempts are used up (FAILED). */
    public enum State { PENDING, DELIVERED, FAILED }

    /** One attempt: the HTTP status it got, or the error that left it unanswered. */
    public record Attempt(int attempt, Integer status, String error, OffsetDateTime attemptedAt) {
    }
}
