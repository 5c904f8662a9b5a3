package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * {@code cutline.jobs.concurrency} bounds the jobs in layer 3: with one, a job is voiced only after
 * the one before it has been. (A parallel split on a {@code seda:} consumer used to hand its job to
 * the split's pool and take the next job, so every queued job was voiced at once.)
 */
class JobConcurrencyTest {

    private record Interval(String jobId, OffsetDateTime started, OffsetDateTime finished) {
    }

    @Test
    void withAConcurrencyOfOneNoTwoJobsAreVoicedAtOnce() throws Exception {
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.put("cutline.jobs.concurrency", "1");
        try (TestService service = new TestService(TestService.newRoot("job-concurrency"), settings).start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(service.submit("quick"));
            }
            for (String id : ids) {
                Job job = service.awaitEnd(id, Duration.ofMinutes(4));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
            }
            List<Interval> voicing = service.jdbc().query("SELECT job_id, started_at, finished_at FROM step_log WHERE step = 'VOICE' "
                            + "AND scene_index IS NULL AND outcome = 'OK' ORDER BY started_at",
                    (row, i) -> new Interval(row.getString(1), row.getObject(2, OffsetDateTime.class), row.getObject(3, OffsetDateTime.class)));
            assertThat(voicing).extracting(Interval::jobId).containsExactlyInAnyOrderElementsOf(ids);
            for (int i = 1; i < voicing.size(); i++) {
                assertThat(voicing.get(i).started()).as("%s voiced while %s was", voicing.get(i).jobId(), voicing.get(i - 1).jobId())
                        .isAfterOrEqualTo(voicing.get(i - 1).finished());
            }
        }
    }
}
