package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.support.Postgres;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The whole pipeline with the ledger on PostgreSQL: migrations, leases, idempotent and aggregation repositories. */
@EnabledIfEnvironmentVariable(named = Postgres.URL_VARIABLE, matches = ".+")
class PostgresPipelineTest {

    @Test
    void aJobRunsToTheEndOnAPostgresLedgerAndARepeatedRequestIsSkipped() throws Exception {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.put("cutline.db.url", Postgres.freshDatabase());
        settings.put("cutline.db.user", "cutline");
        try (TestService service = new TestService(TestService.newRoot("postgres"), settings).start()) {
            assertThat(service.bean("ledgerDatabase", LedgerDatabase.class).vendor()).isEqualTo("postgresql");
            var request = new io.cutline.job.JobRequest("quick", null, "pg-1", "test");
            String id = service.submit(request).job().id();
            assertThat(service.submit(request).created()).isFalse();

            Job job = service.awaitEnd(id, Duration.ofMinutes(2));
            assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
            String video = service.jdbc().queryForObject("SELECT path FROM renders WHERE job_id = ?", String.class, id);
            double narration = service.jdbc().queryForObject("SELECT SUM(duration_seconds) FROM voice_tracks WHERE job_id = ?",
                    Double.class, id);
            assertThat(Probe.duration(Path.of(video))).isCloseTo(narration, org.assertj.core.data.Offset.offset(0.2));
            assertThat(service.jdbc().queryForList("SELECT platform FROM publications WHERE job_id = ? AND state = 'PUBLISHED'",
                    String.class, id)).containsExactlyInAnyOrder("youtube", "tiktok");
            assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM camel_messageprocessed", Integer.class))
                    .as("intake key and one key per platform").isEqualTo(3);
        }
    }
}
