package io.cutline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationLedgerTest {

    @TempDir
    Path dir;

    /**
     * H2's {@code SHUTDOWN IMMEDIATELY} drops what was not written out, as a kill -9 does; a write delay
     * far longer than the test makes "not written out" certain for anything not checkpointed.
     */
    @Test
    void aSavedUploadSessionSurvivesAKillAtOnce() {
        String url = "jdbc:h2:file:" + dir.resolve("ledger") + ";WRITE_DELAY=600000";
        LedgerDatabase killed = new LedgerDatabase(url, "sa", "", 2);
        String job = new JobLedger(killed.jdbc(), Clock.systemUTC(), "node", Duration.ofMinutes(5)).create("quick", null, null, "test").job().id();
        PublicationLedger publications = new PublicationLedger(killed.jdbc(), Clock.systemUTC());
        publications.begin(job, "tiktok", Publication.LONG_VIDEO);
        publications.uploadSession(job, "tiktok", Publication.LONG_VIDEO, "v_pub_file~v2-1 https://upload.example/1");
        killed.jdbc().execute("SHUTDOWN IMMEDIATELY");
        killed.stop();

        LedgerDatabase restarted = new LedgerDatabase(url, "sa", "", 2);
        try {
            assertThat(new PublicationLedger(restarted.jdbc(), Clock.systemUTC()).uploadSession(job, "tiktok", Publication.LONG_VIDEO))
                    .as("the post this session names exists at the platform: a restart must find it, not post again")
                    .contains("v_pub_file~v2-1 https://upload.example/1");
        } finally {
            restarted.stop();
        }
    }
}
