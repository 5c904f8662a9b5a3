package io.cutline.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publications' metrics as a time series (table publication_metrics): one sample per checkpoint
 * (hours after posting), written when the platform first answered with data for it. A checkpoint
 * without a row has no data yet, which is not zero.
 */
public record MetricsLedger(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {

    /** A publication that is out: where, since when, and the checkpoints it already has data for. */
    public record Posted(String jobId, String channelId, String platform, String location, OffsetDateTime publishedAt,
                         Set<Integer> collected) {
    }

    /** One sample: the publication, its checkpoint, when it was read, from which API, and the numbers. */
    public record Sample(String jobId, String platform, int checkpointHours, OffsetDateTime collectedAt, String source,
                         Map<String, Double> metrics) {
    }

    /** Long videos published at or after {@code since}, with the checkpoints they have samples for (shorts are not measured). */
    public List<Posted> postedSince(OffsetDateTime since) {
        Map<String, Set<Integer>> collected = new HashMap<>();
        jdbc.query("SELECT m.job_id, m.platform, m.checkpoint_hours FROM publication_metrics m JOIN publications p "
                        + "ON p.job_id = m.job_id AND p.platform = m.platform AND p.short_number = ? WHERE p.published_at >= ?",
                row -> {
                    collected.computeIfAbsent(row.getString("job_id") + "/" + row.getString("platform"), key -> new HashSet<>())
                            .add(row.getInt("checkpoint_hours"));
                }, Publication.LONG_VIDEO, since);
        return jdbc.query("SELECT p.job_id, j.channel_id, p.platform, p.location, p.published_at FROM publications p "
                        + "JOIN jobs j ON j.id = p.job_id WHERE p.state = ? AND p.short_number = ? AND p.published_at >= ? ORDER BY p.published_at, p.job_id",
                (row, i) -> new Posted(row.getString("job_id"), row.getString("channel_id"), row.getString("platform"),
                        row.getString("location"), LedgerTime.read(row, "published_at"),
                        Set.copyOf(collected.getOrDefault(row.getString("job_id") + "/" + row.getString("platform"), Set.of()))),
                Publication.State.PUBLISHED.name(), Publication.LONG_VIDEO, since);
    }

    /** Stores a checkpoint's sample; a checkpoint already sampled (another node, a repeat) keeps its first. */
    public void record(String jobId, String platform, int checkpointHours, String source, Map<String, Double> metrics) {
        try {
            jdbc.update("INSERT INTO publication_metrics (job_id, platform, checkpoint_hours, collected_at, source, metrics) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", jobId, platform, checkpointHours, LedgerTime.now(clock), source, write(metrics));
        } catch (DuplicateKeyException alreadySampled) {
            // the first sample of a checkpoint stands
        }
    }

    /** Every sample of a channel's publications, oldest checkpoint first. */
    public List<Sample> samples(String channelId) {
        return jdbc.query("SELECT m.* FROM publication_metrics m JOIN jobs j ON j.id = m.job_id WHERE j.channel_id = ? "
                        + "ORDER BY m.job_id, m.platform, m.checkpoint_hours",
                (row, i) -> new Sample(row.getString("job_id"), row.getString("platform"), row.getInt("checkpoint_hours"),
                        LedgerTime.read(row, "collected_at"), row.getString("source"), read(row.getString("metrics"))),
                channelId);
    }

    /** The latest sample of each of a channel's publications (the most that is known about each). */
    public List<Sample> latest(String channelId) {
        Map<String, Sample> latest = new HashMap<>();
        samples(channelId).forEach(sample -> latest.put(sample.jobId() + "/" + sample.platform(), sample));
        List<Sample> answer = new ArrayList<>(latest.values());
        answer.sort(Comparator.comparing(Sample::jobId).thenComparing(Sample::platform));
        return answer;
    }

    private String write(Map<String, Double> metrics) {
        try {
            return json.writeValueAsString(metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Double> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Double>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable metrics in the ledger: " + text, e);
        }
    }
}
