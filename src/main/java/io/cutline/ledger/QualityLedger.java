package io.cutline.ledger;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The quality_gates table: each gate of each rendition, latest result. */
public class QualityLedger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public QualityLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void save(String jobId, QualityGate gate) {
        Upsert.run(jdbc,
                "UPDATE quality_gates SET passed = ?, measured = ?, expected = ?, checked_at = ? WHERE job_id = ? AND rendition = ? AND gate = ?",
                new Object[] {gate.passed(), JobLedger.truncate(gate.measured(), 500), gate.expected(), LedgerTime.now(clock), jobId,
                        gate.rendition(), gate.gate()},
                "INSERT INTO quality_gates (job_id, rendition, gate, passed, measured, expected, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new Object[] {jobId, gate.rendition(), gate.gate(), gate.passed(), JobLedger.truncate(gate.measured(), 500), gate.expected(),
                        LedgerTime.now(clock)});
    }

    public List<QualityGate> forJob(String jobId) {
        return jdbc.query("SELECT rendition, gate, passed, measured, expected FROM quality_gates WHERE job_id = ? ORDER BY rendition, gate",
                (row, i) -> new QualityGate(row.getString("rendition"), row.getString("gate"), row.getBoolean("passed"),
                        row.getString("measured"), row.getString("expected")), jobId);
    }
}
