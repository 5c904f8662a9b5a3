package io.cutline.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.model.Signal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Each channel's trend signals, one snapshot per source: what the source said when it was last read. */
public record SignalLedger(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {

    /** Replaces what {@code source} said for the channel with {@code signals}. */
    public void replace(String channelId, String source, List<Signal> signals) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM signals WHERE channel_id = ? AND source = ?", channelId, source);
            int position = 0;
            for (Signal signal : signals) {
                jdbc.update("INSERT INTO signals (channel_id, source, position, link, title, summary, published, metrics, tags, polled_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        channelId, source, position++, signal.link(), signal.title(), signal.summary(),
                        signal.published() == null ? null : signal.published().atOffset(ZoneOffset.UTC),
                        write(signal.metrics()), write(signal.tags()), LedgerTime.now(clock));
            }
        });
    }

    /** When {@code source} was last read for the channel with something kept (empty: never, or nothing it gave was kept). */
    public Optional<Instant> polledAt(String channelId, String source) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(polled_at) FROM signals WHERE channel_id = ? AND source = ?",
                OffsetDateTime.class, channelId, source)).map(OffsetDateTime::toInstant);
    }

    /** The channel's signals from all its sources, each source's in the order it gave them. */
    public List<Signal> current(String channelId) {
        return jdbc.query("SELECT source, link, title, summary, published, metrics, tags FROM signals WHERE channel_id = ? "
                        + "ORDER BY source, position", (row, i) -> {
                    Timestamp published = row.getTimestamp("published");
                    return new Signal(row.getString("title"), row.getString("summary"), row.getString("link"), row.getString("source"),
                            published == null ? null : published.toInstant(),
                            read(row.getString("metrics"), new TypeReference<Map<String, Double>>() { }),
                            read(row.getString("tags"), new TypeReference<List<String>>() { }));
                }, channelId);
    }

    /**
     * Spends {@code units} of an API's quota for {@code day} if that keeps the day within
     * {@code dailyQuota}; false (nothing spent) if it would not. Safe across nodes: the check and the
     * spending are one conditional update.
     */
    public boolean spendQuota(String api, LocalDate day, int units, int dailyQuota) {
        if (units > dailyQuota) {
            return false;
        }
        if (jdbc.update("UPDATE signal_quota SET units = units + ? WHERE api = ? AND quota_day = ? AND units + ? <= ?",
                units, api, day, units, dailyQuota) == 1) {
            return true;
        }
        if (!jdbc.queryForList("SELECT units FROM signal_quota WHERE api = ? AND quota_day = ?", Integer.class, api, day).isEmpty()) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO signal_quota (api, quota_day, units) VALUES (?, ?, ?)", api, day, units);
            return true;
        } catch (DuplicateKeyException raced) {
            return spendQuota(api, day, units, dailyQuota);
        }
    }

    /** Marks the day's quota as used up (the API said so, whatever was counted here). */
    public void exhaustQuota(String api, LocalDate day, int dailyQuota) {
        Upsert.run(jdbc, "UPDATE signal_quota SET units = ? WHERE api = ? AND quota_day = ?", new Object[] {dailyQuota, api, day},
                "INSERT INTO signal_quota (api, quota_day, units) VALUES (?, ?, ?)", new Object[] {api, day, dailyQuota});
    }

    /** Units of an API's quota spent on {@code day}. */
    public int quotaSpent(String api, LocalDate day) {
        return jdbc.queryForList("SELECT units FROM signal_quota WHERE api = ? AND quota_day = ?", Integer.class, api, day).stream()
                .findFirst().orElse(0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger holds unreadable signal data: " + e.getOriginalMessage(), e);
        }
    }
}
