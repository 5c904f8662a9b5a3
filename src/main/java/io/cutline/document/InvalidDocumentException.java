package io.cutline.document;

import java.util.List;
import java.util.stream.Collectors;

/** A document (channel file, signals file, request body, model output) failed validation. */
public class InvalidDocumentException extends RuntimeException {

    private final List<DocumentProblem> problems;

    public InvalidDocumentException(List<DocumentProblem> problems) {
        super(problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DocumentProblem> problems() {
        return problems;
    }
}
