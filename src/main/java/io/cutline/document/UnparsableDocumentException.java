package io.cutline.document;

import java.util.List;

/**
 * A document is empty or not valid YAML: what a file looks like while an editor is still writing
 * it, so a reader that had a good version of it may keep that version until the file settles.
 */
public class UnparsableDocumentException extends InvalidDocumentException {

    public UnparsableDocumentException(DocumentProblem problem) {
        super(List.of(problem));
    }
}
