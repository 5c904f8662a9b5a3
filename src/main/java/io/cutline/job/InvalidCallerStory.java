package io.cutline.job;

import java.util.List;

/** A caller's brief or storyboard that breaks its schema or the story rules: every problem, each naming its field. */
public class InvalidCallerStory extends IllegalArgumentException {

    private final transient List<String> problems;

    public InvalidCallerStory(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
