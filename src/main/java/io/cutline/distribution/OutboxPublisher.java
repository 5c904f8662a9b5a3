package io.cutline.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.ledger.Render;
import io.cutline.media.MediaStore;

/**
 * The offline publisher: writes each platform's rendition and metadata JSON under
 * {@code outbox/<platform>/}, for a person or another system to pick up. Both files appear whole
 * (written aside, then moved into place); publishing the same job again rewrites the same two files.
 */
public class OutboxPublisher implements Publisher {

    private final Path outbox;
    private final ObjectMapper json;

    public OutboxPublisher(Path outbox, ObjectMapper json) {
        this.outbox = outbox.toAbsolutePath().normalize();
        this.json = json;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public String publish(String platform, Render render, PostMetadata metadata) {
        try {
            Path directory = Files.createDirectories(outbox.resolve(platform));
            Path video = directory.resolve(render.jobId() + ".mp4");
            Path videoTemporary = MediaStore.temporaryFor(video);
            try {
                link(Path.of(render.path()), videoTemporary);
                MediaStore.moveIntoPlace(videoTemporary, video);
            } finally {
                MediaStore.deleteQuietly(videoTemporary);
            }
            Path sidecar = directory.resolve(render.jobId() + ".json");
            Path sidecarTemporary = MediaStore.temporaryFor(sidecar);
            try {
                json.writerWithDefaultPrettyPrinter().writeValue(sidecarTemporary.toFile(), metadata);
                MediaStore.moveIntoPlace(sidecarTemporary, sidecar);
            } finally {
                MediaStore.deleteQuietly(sidecarTemporary);
            }
            return video.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to outbox " + outbox, e);
        }
    }

    /** A hard link when the outbox is on the same file system (no copy of the bytes), else a copy. */
    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
