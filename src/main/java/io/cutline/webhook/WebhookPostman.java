package io.cutline.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.cutline.config.Secrets;
import io.cutline.provider.WebhookSignature;
import io.cutline.ledger.LedgerTime;
import io.cutline.ledger.WebhookDelivery;
import io.cutline.ledger.WebhookLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a webhook delivery is made (routes/webhooks.yaml says when): the due deliveries are claimed
 * from the ledger, each request is signed ({@link WebhookSignature}) at the moment it is sent, and
 * each answer is recorded. A delivery not answered 2xx is tried again after a back-off that doubles
 * from {@code backOff} up to {@code maxBackOff}, until {@code maxAttempts} attempts have failed.
 * The secret is never logged nor stored; only its signature leaves the process.
 */
public class WebhookPostman {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPostman.class);
    private static final int BATCH = 50;

    private final WebhookLedger deliveries;
    private final Clock clock;
    private final String secret;
    private final String secretVariable;
    private final int maxAttempts;
    private final Duration backOff;
    private final Duration maxBackOff;
    private final Duration claim;

    /** {@code secret}: the value of the environment variable {@code secretVariable} (null when it is not set). */
    public WebhookPostman(WebhookLedger deliveries, Clock clock, String secret, String secretVariable, int maxAttempts,
                          Duration backOff, Duration maxBackOff, Duration claim) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.secret = secret == null || secret.isBlank() ? null : Secrets.register(secret);
        this.secretVariable = secretVariable;
        this.maxAttempts = maxAttempts;
        this.backOff = backOff;
        this.maxBackOff = maxBackOff;
        this.claim = claim;
    }

    /** The deliveries due now, claimed by this node for the time an attempt may take. */
    public List<WebhookDelivery> due() {
        return deliveries.claimDue(BATCH, claim);
    }

    /** The request for one attempt: the event's JSON as the body, its type, id and signature as headers. */
    public void sign(WebhookDelivery delivery, Message request) {
        if (secret == null) {
            throw new IllegalStateException("no webhook secret: environment variable " + secretVariable
                    + " (named by cutline.webhooks.secret-env) is not set");
        }
        request.setHeader(Exchange.CONTENT_TYPE, "application/json");
        request.setHeader("User-Agent", "Cutline-Webhooks/1");
        request.setHeader("Cutline-Event", delivery.eventType());
        request.setHeader("Cutline-Event-Id", delivery.eventId());
        request.setHeader("Cutline-Delivery", delivery.id());
        request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), delivery.payload()));
        request.setBody(delivery.payload());
    }

    /** Records an answer: a 2xx delivers, anything else is retried later (or fails the delivery when attempts are used up). */
    public void answered(WebhookDelivery delivery, Integer status) {
        int code = status == null ? 0 : status;
        if (code >= 200 && code < 300) {
            deliveries.record(delivery.id(), delivery.attempts() + 1, code, null, WebhookDelivery.State.DELIVERED, null);
        } else {
            failed(delivery, code, "answered HTTP " + code);
        }
    }

    /** Records an attempt that got no answer (no connection, a timeout, no secret). */
    public void unanswered(WebhookDelivery delivery, Exception failure) {
        failed(delivery, null, Secrets.redact(failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }

    private void failed(WebhookDelivery delivery, Integer status, String error) {
        int attempt = delivery.attempts() + 1;
        if (attempt >= maxAttempts) {
            deliveries.record(delivery.id(), attempt, status, error, WebhookDelivery.State.FAILED, null);
            LOG.warn("webhook delivery {} ({} of event {}) failed for good after {} attempts: {}", delivery.id(), delivery.eventType(),
                    delivery.eventId(), attempt, error);
            return;
        }
        OffsetDateTime next = LedgerTime.now(clock).plus(backOffAfter(attempt));
        deliveries.record(delivery.id(), attempt, status, error, WebhookDelivery.State.PENDING, next);
        LOG.info("webhook delivery {} ({}) attempt {} failed: {}; next attempt at {}", delivery.id(), delivery.eventType(), attempt,
                error, next);
    }

    /** The wait after failed attempt {@code attempt} (1, 2, …): {@code backOff}, doubling, at most {@code maxBackOff}. */
    Duration backOffAfter(int attempt) {
        Duration wait = backOff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return wait.compareTo(maxBackOff) > 0 || wait.isNegative() ? maxBackOff : wait;
    }
}
