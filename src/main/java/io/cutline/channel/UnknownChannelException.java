package io.cutline.channel;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.cutline.document.DocumentProblem;

/** A request named a channel that is not defined, or whose file is invalid. */
public class UnknownChannelException extends RuntimeException {

    public UnknownChannelException(String id, Collection<String> known, List<DocumentProblem> problems) {
        super(problems.isEmpty()
                ? "no channel '" + id + "' (known: " + String.join(", ", known) + ")"
                : "channel '" + id + "' is invalid: "
                        + problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
    }
}
