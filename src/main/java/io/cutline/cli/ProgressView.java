package io.cutline.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.cutline.ledger.JobProgress;

/**
 * A running job's progress on the terminal, one line per layer with its units done of total. On a
 * terminal the lines are redrawn in place; otherwise (a pipe, a file, CI) a layer's line is printed
 * each time it changes, without escape codes.
 */
final class ProgressView {

    private static final String UP = "\033[%dF";
    private static final String CLEAR_TO_END = "\033[K";

    private final PrintStream out;
    private final boolean terminal;
    private List<String> shown = List.of();

    ProgressView(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(JobProgress.Progress progress) {
        List<JobProgress.Layer> layers = progress.layers();
        List<String> lines = layers.stream().map(ProgressView::line).toList();
        if (lines.equals(shown)) {
            return;
        }
        if (terminal) {
            if (!shown.isEmpty()) {
                out.printf(UP, shown.size());
            }
            lines.forEach(line -> out.print(line + CLEAR_TO_END + "\n"));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                boolean changed = shown.isEmpty() || !lines.get(i).equals(shown.get(i));
                if (changed && !layers.get(i).state().equals("PENDING")) {
                    out.println(lines.get(i));
                }
            }
        }
        out.flush();
        shown = lines;
    }

    static String line(JobProgress.Layer layer) {
        String count = layer.total() == 0 ? "" : String.format(Locale.ROOT, "%d/%d %s", layer.done(), layer.total(), layer.unit());
        return String.format(Locale.ROOT, "  %-13s %-8s %s", layer.step(), layer.state(), count).stripTrailing();
    }
}
