package io.cutline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Where media lives: one directory per job for its own artifacts, and a content-addressed clip
 * store shared by all jobs (a clip is keyed by the hash of what was asked for). Every file appears
 * whole or not at all: writers produce a temporary file that is moved into place.
 */
public class MediaStore {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path root;

    public MediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path jobDir(String jobId) {
        return directory(root.resolve("jobs").resolve(plainName(jobId)));
    }

    public Path voicePath(String jobId, int sceneIndex, String extension) {
        return directory(jobDir(jobId).resolve("voice")).resolve(String.format("scene-%02d.%s", sceneIndex, extension));
    }

    public Path clipPath(String contentKey) {
        return directory(root.resolve("clips")).resolve(plainName(contentKey) + ".mp4");
    }

    public Path renditionPath(String jobId, String rendition) {
        return jobDir(jobId).resolve("video-" + plainName(rendition) + ".mp4");
    }

    public Path thumbnailPath(String jobId, String rendition) {
        return jobDir(jobId).resolve("thumbnail-" + plainName(rendition) + ".jpg");
    }

    public Path workDir(String jobId) {
        return directory(jobDir(jobId).resolve("work"));
    }

    /**
     * {@code part}, checked to be usable in a file name that stays in its directory: letters, digits,
     * {@code . _ -}, not starting with a dot (so neither {@code ..} nor a hidden name), no separator.
     * Names are made from ids, sizes and hashes, never from a title or a topic; this refuses one that
     * is not.
     */
    public static String plainName(String part) {
        if (part == null || !PLAIN_NAME.matcher(part).matches()) {
            throw new IllegalArgumentException("not a plain file name part: '" + part + "'");
        }
        return part;
    }

    /** A sibling temporary path for {@code target}, in the same directory so the final move is atomic. */
    public static Path temporaryFor(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        return target.resolveSibling(".tmp-" + System.nanoTime() + "-" + name.substring(0, Math.max(dot, 0)) + extension);
    }

    public static void moveIntoPlace(Path temporary, Path target) {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException inner) {
                throw new UncheckedIOException(inner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code target} so that the file appears whole or not at all. */
    public static void writeWhole(Path target, byte[] bytes) {
        Path temporary = temporaryFor(target);
        try {
            Files.write(temporary, bytes);
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Removes a temporary file; one left behind is harmless, so a failure to delete is ignored. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next run writes a new temporary file under a new name
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
