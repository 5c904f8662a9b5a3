package io.cutline.media;

import java.nio.file.Path;

/** A media file that is missing, unreadable, or not what was asked for. */
public class CorruptMediaException extends RuntimeException {

    public CorruptMediaException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }
}
