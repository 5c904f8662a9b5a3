package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobState;
import io.cutline.ledger.Step;
import io.cutline.support.FfmpegSpy;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/** A generator that hands back garbage produces an error naming the file, never a clip. */
class CorruptClipTest {

    @Test
    void aCorruptClipParksTheJobAndIsNotKept() throws Exception {
        Path root = TestService.newRoot("corrupt");
        FfmpegSpy ffmpeg = new FfmpegSpy(root, 0);
        ffmpeg.corruptOn("SUNLIGHT");
        Map<String, String> settings = new HashMap<>(TestService.quickChannel());
        settings.put("cutline.tools.ffmpeg", ffmpeg.path());

        try (TestService service = new TestService(root, settings).start()) {
            String id = service.submit("quick");
            Job parked = service.awaitEnd(id, Duration.ofMinutes(2));
            assertThat(parked.state()).isEqualTo(JobState.PARKED);
            assertThat(parked.failedStep()).isEqualTo(Step.GENERATION);
            assertThat(parked.failedScene()).isEqualTo(1);
            assertThat(parked.failureReason()).startsWith("CorruptMediaException: ").contains(".mp4: ");
            String failedKey = service.jdbc().queryForObject("SELECT content_key FROM generation_tasks WHERE state = 'FAILED'", String.class);
            assertThat(Files.exists(root.resolve("media").resolve("clips").resolve(failedKey + ".mp4"))).as("garbage not kept").isFalse();

            ffmpeg.heal();
            assertThat(service.bean("jobLedger", JobLedger.class).unpark(id)).isTrue();
            service.context().createProducerTemplate().sendBodyAndHeader("direct:resume-job", null, "jobId", id);
            assertThat(service.awaitEnd(id, Duration.ofMinutes(2)).state()).isEqualTo(JobState.DONE);
        }
    }
}
