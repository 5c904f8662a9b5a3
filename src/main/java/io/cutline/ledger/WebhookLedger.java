package io.cutline.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook deliveries and their attempts. A due delivery is claimed by one conditional update,
 * so several nodes sharing the ledger never send the same attempt twice; a claim that lapses (the
 * node died mid-attempt) makes the delivery due again.
 */
public class WebhookLedger {

    private static final RowMapper<WebhookDelivery> DELIVERY = (row, i) -> new WebhookDelivery(row.getString("id"),
            row.getString("event_id"), row.getString("event_type"), row.getString("job_id"), row.getString("channel_id"),
            row.getString("url"), row.getString("payload"), WebhookDelivery.State.valueOf(row.getString("state")),
            row.getInt("attempts"), LedgerTime.read(row, "next_attempt_at"), (Integer) row.getObject("last_status"),
            row.getString("last_error"), LedgerTime.read(row, "created_at"), LedgerTime.read(row, "updated_at"));

    private static final RowMapper<WebhookDelivery.Attempt> ATTEMPT = (row, i) -> new WebhookDelivery.Attempt(row.getInt("attempt"),
            (Integer) row.getObject("status"), row.getString("error"), LedgerTime.read(row, "attempted_at"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public WebhookLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new delivery of an event to one URL, due at once; its id. */
    public String add(String eventId, String eventType, String jobId, String channelId, String url, String payload) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = LedgerTime.now(clock);
        jdbc.update("INSERT INTO webhook_deliveries (id, event_id, event_type, job_id, channel_id, url, payload, state, attempts, "
                        + "next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                id, eventId, eventType, jobId, channelId, url, payload, WebhookDelivery.State.PENDING.name(), now, now, now);
        return id;
    }

    /** Claims up to {@code limit} pending deliveries that are due, each for {@code claim}; oldest due first. */
    public List<WebhookDelivery> claimDue(int limit, Duration claim) {
        OffsetDateTime now = LedgerTime.now(clock);
        List<WebhookDelivery> due = jdbc.query("SELECT * FROM webhook_deliveries WHERE state = ? AND next_attempt_at <= ? "
                        + "AND (claim_until IS NULL OR claim_until < ?) ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY",
                DELIVERY, WebhookDelivery.State.PENDING.name(), now, now);
        List<WebhookDelivery> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            if (jdbc.update("UPDATE webhook_deliveries SET claim_until = ? WHERE id = ? AND state = ? AND (claim_until IS NULL OR claim_until < ?)",
                    now.plus(claim), delivery.id(), WebhookDelivery.State.PENDING.name(), now) == 1) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    /**
     * Records an attempt (its HTTP status, or the error that left it unanswered) and what follows:
     * {@code state}, and for a PENDING delivery when it is due again.
     */
    public void record(String deliveryId, int attempt, Integer status, String error, WebhookDelivery.State state,
                       OffsetDateTime nextAttemptAt) {
        OffsetDateTime now = LedgerTime.now(clock);
        String reason = error == null ? null : JobLedger.truncate(error);
        transactions.executeWithoutResult(done -> {
            jdbc.update("INSERT INTO webhook_attempts (delivery_id, attempt, status, error, attempted_at) VALUES (?, ?, ?, ?, ?)",
                    deliveryId, attempt, status, reason, now);
            jdbc.update("UPDATE webhook_deliveries SET state = ?, attempts = ?, next_attempt_at = ?, claim_until = NULL, last_status = ?, "
                    + "last_error = ?, updated_at = ? WHERE id = ?", state.name(), attempt, nextAttemptAt, status, reason, now, deliveryId);
        });
    }

    /** Deliveries, newest first, optionally of one state and one job. */
    public List<WebhookDelivery> list(WebhookDelivery.State state, String jobId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM webhook_deliveries WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            arguments.add(state.name());
        }
        if (jobId != null) {
            sql.append(" AND job_id = ?");
            arguments.add(jobId);
        }
        sql.append(" ORDER BY created_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), DELIVERY, arguments.toArray());
    }

    public List<WebhookDelivery.Attempt> attempts(String deliveryId) {
        return jdbc.query("SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt", ATTEMPT, deliveryId);
    }
}
