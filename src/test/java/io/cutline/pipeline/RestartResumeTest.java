package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.ledger.Step;
import io.cutline.support.Await;
import io.cutline.support.FfmpegSpy;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service's Camel context is stopped in the middle of a job (some scenes rendered, others not);
 * a new one on the same ledger finishes the job without rendering a finished scene again.
 */
class RestartResumeTest {

    @Test
    void aJobInterruptedMidGenerationCompletesAfterRestartWithoutRerenderingFinishedScenes() throws Exception {
        Path root = TestService.newRoot("restart");
        FfmpegSpy ffmpeg = new FfmpegSpy(root, 1.5);
        Map<String, String> settings = new java.util.HashMap<>(TestService.quickChannel());
        settings.put("cutline.tools.ffmpeg", ffmpeg.path());
        settings.put("cutline.generation.concurrency", "1");

        String jobId;
        TestService first = new TestService(root, settings).start();
        try {
            jobId = first.submit("quick");
            JdbcTemplate ledger = first.jdbc();
            awaitRenderedScenes(ledger, jobId, 2, Duration.ofMinutes(2));
        } finally {
            first.stop();
        }

        JdbcTemplate afterKill = ledgerOf(root);
        Set<String> finishedBeforeKill = finishedClips(afterKill, jobId);
        int scenes = afterKill.queryForObject("SELECT COUNT(*) FROM scenes WHERE job_id = ?", Integer.class, jobId);
        assertThat(finishedBeforeKill).as("some scenes were rendered before the kill").isNotEmpty();
        assertThat(finishedBeforeKill.size()).as("the kill came before the last scene").isLessThan(scenes);
        assertThat(afterKill.queryForObject("SELECT step FROM jobs WHERE id = ?", String.class, jobId))
                .isEqualTo(Step.GENERATION.name());

        try (TestService second = new TestService(root, settings).start()) {
            Job job = second.awaitEnd(jobId, Duration.ofMinutes(3));
            assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);
            for (String clip : finishedBeforeKill) {
                assertThat(ffmpeg.rendersOf(clip)).as("renders of finished clip %s", clip).isEqualTo(1);
            }
            List<String> allClips = second.jdbc().queryForList("SELECT clip_key FROM scene_clips WHERE job_id = ? ORDER BY scene_index, part",
                    String.class, jobId);
            assertThat(allClips).hasSize(scenes).doesNotContainNull();
            for (String clip : allClips) {
                assertThat(ffmpeg.rendersOf(clip)).as("renders of clip %s", clip).isBetween(1L, 2L);
            }
            String video = second.jdbc().queryForObject("SELECT path FROM renders WHERE job_id = ?", String.class, jobId);
            double narration = second.jdbc().queryForObject("SELECT SUM(duration_seconds) FROM voice_tracks WHERE job_id = ?",
                    Double.class, jobId);
            assertThat(Probe.duration(Path.of(video))).isCloseTo(narration, org.assertj.core.data.Offset.offset(0.2));
        }
    }

    private static void awaitRenderedScenes(JdbcTemplate ledger, String jobId, int count, Duration timeout) throws Exception {
        Await.until(count + " scenes rendered", timeout, () -> finishedClips(ledger, jobId).size() >= count);
    }

    private static Set<String> finishedClips(JdbcTemplate ledger, String jobId) {
        return ledger.queryForList("SELECT c.clip_key FROM scene_clips c JOIN generation_tasks g ON g.content_key = c.clip_key "
                + "WHERE c.job_id = ? AND g.state = 'SUCCEEDED'", String.class, jobId).stream().collect(Collectors.toSet());
    }

    /** The ledger under the name the service gives it (H2's async: file system), so this JVM's open copy is shared. */
    private static JdbcTemplate ledgerOf(Path root) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:async:" + root.resolve("ledger").toAbsolutePath(), "cutline", ""));
    }
}
