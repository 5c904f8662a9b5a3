package io.cutline.writer;

import java.util.List;

/** What a writer is asked to fix: its previous answer as it gave it, and every problem found in it. */
public record Repair(String answer, List<String> problems) {

    public Repair {
        problems = List.copyOf(problems);
    }
}
