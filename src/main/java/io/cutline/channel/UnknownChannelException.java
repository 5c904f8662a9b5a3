package io.cutline.channel;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.cutline.document.ClosestName;
import io.cutline.document.DocumentProblem;

/** A request named a channel that is not defined, or whose file is invalid. */
public class UnknownChannelException extends RuntimeException {

    private final boolean invalid;

    public UnknownChannelException(String id, Collection<String> known, List<DocumentProblem> problems) {
        super(problems.isEmpty()
                ? "no channel '" + id + "' (known: " + String.join(", ", known) + ")" + ClosestName.hint(id, known)
                : "channel '" + id + "' is invalid: "
                        + problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
        this.invalid = !problems.isEmpty();
    }

    /** Whether the channel's file exists but is invalid (rather than no file defining it). */
    public boolean invalid() {
        return invalid;
    }
}
