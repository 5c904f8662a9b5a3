package io.cutline.ledger;

/**
 * A short cut from a job's long video: its number (1, 2, ... in time-line order), its run of whole
 * scenes, where that run sits on the long video's time line, and its file once it passed the gates.
 */
public record ShortCut(String jobId, int number, int firstScene, int lastScene, double startSeconds, double endSeconds, String path,
                       State state) {

    public enum State { PLANNED, RENDERED }

    /** The name its render, gates and files go by, e.g. {@code short-2}. */
    public String rendition() {
        return rendition(number);
    }

    /** The name the render, gates and files of short {@code number} go by. */
    public static String rendition(int number) {
        return "short-" + number;
    }

    public double seconds() {
        return endSeconds - startSeconds;
    }
}
