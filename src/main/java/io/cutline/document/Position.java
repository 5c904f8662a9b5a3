package io.cutline.document;

/** Where something is in a text file: 1-based line and column, 0 when unknown. */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);

    /** The start of a line, when only the line is known. */
    public static Position line(int line) {
        return new Position(line, 0);
    }
}
