package io.cutline.bench;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/** When a job's layers ran, from its step log. */
record StepTimes(JdbcTemplate ledger, String jobId) {

    /** Start of the job's last generation step. */
    OffsetDateTime generationStart() {
        return ledger.queryForObject("SELECT MIN(started_at) FROM step_log WHERE job_id = ? AND step = 'GENERATION'",
                OffsetDateTime.class, jobId);
    }

    /** Start of the job's (last) assembly. */
    OffsetDateTime assemblyStart() {
        return ledger.queryForObject("SELECT MAX(started_at) FROM step_log WHERE job_id = ? AND step = 'ASSEMBLY' AND scene_index IS NULL",
                OffsetDateTime.class, jobId);
    }

    /** End of the job's successful assembly. */
    OffsetDateTime assemblyEnd() {
        return ledger.queryForObject("SELECT MAX(finished_at) FROM step_log WHERE job_id = ? AND step = 'ASSEMBLY' "
                + "AND scene_index IS NULL AND outcome = 'OK'", OffsetDateTime.class, jobId);
    }

    static double seconds(OffsetDateTime from, OffsetDateTime to) {
        return (to.toInstant().toEpochMilli() - from.toInstant().toEpochMilli()) / 1000.0;
    }
}
