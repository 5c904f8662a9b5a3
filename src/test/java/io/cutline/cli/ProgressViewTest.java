package io.cutline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.cutline.ledger.JobProgress;
import org.junit.jupiter.api.Test;

/** {@code produce}'s progress: plain lines as layers move on when not on a terminal, redrawn in place on one. */
class ProgressViewTest {

    private static final JobProgress.Progress VOICING = progress("VOICE", 2);
    private static final JobProgress.Progress VOICED_MORE = progress("VOICE", 4);

    @Test
    void withoutATerminalEachChangePrintsThatLayersLineOnceWithoutEscapeCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressView view = new ProgressView(new PrintStream(out, true, StandardCharsets.UTF_8), false);

        view.show(VOICING);
        view.show(VOICING);
        view.show(VOICED_MORE);

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "  RESEARCH      DONE     1/1 brief",
                "  VOICE         RUNNING  2/6 scenes",
                "  VOICE         RUNNING  4/6 scenes");
    }

    @Test
    void onATerminalTheLinesAreRedrawnInPlace() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressView view = new ProgressView(new PrintStream(out, true, StandardCharsets.UTF_8), true);

        view.show(VOICING);
        view.show(VOICED_MORE);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "  RESEARCH      DONE     1/1 brief\u001b[K\n"
                        + "  VOICE         RUNNING  2/6 scenes\u001b[K\n"
                        + "  GENERATION    PENDING\u001b[K\n"
                        + "\u001b[3F"
                        + "  RESEARCH      DONE     1/1 brief\u001b[K\n"
                        + "  VOICE         RUNNING  4/6 scenes\u001b[K\n"
                        + "  GENERATION    PENDING\u001b[K\n");
    }

    private static JobProgress.Progress progress(String step, int voiced) {
        return new JobProgress.Progress("RUNNING", step, List.of(
                new JobProgress.Layer("RESEARCH", "DONE", 1, 1, "brief"),
                new JobProgress.Layer("VOICE", "RUNNING", voiced, 6, "scenes"),
                new JobProgress.Layer("GENERATION", "PENDING", 0, 0, "scenes")));
    }
}
