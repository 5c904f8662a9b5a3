package io.cutline.document;

/**
 * One thing wrong with an input document, located as precisely as we can: the file, the line
 * (1-based, 0 when unknown) and the path of the offending field.
 */
public record DocumentProblem(String source, int line, String field, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }
}
