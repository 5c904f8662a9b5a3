package io.cutline.document;

/**
 * One thing wrong with an input document, located as precisely as we can: the file, the line and
 * column (1-based, 0 when unknown) of the offending key or value, and the path of the field.
 * Printed as {@code file:line:column: field: message}.
 */
public record DocumentProblem(String source, int line, int column, String field, String message) {

    public DocumentProblem(String source, Position position, String field, String message) {
        this(source, position.line(), position.column(), field, message);
    }

    /** A problem located by line only. */
    public DocumentProblem(String source, int line, String field, String message) {
        this(source, line, 0, field, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
