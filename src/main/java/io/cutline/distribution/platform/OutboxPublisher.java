package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.model.Render;
import io.cutline.media.MediaStore;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;

/**
 * The offline publisher: writes a platform's rendition, thumbnail and metadata JSON to its folder
 * ({@code outbox/<platform>/} by default) as {@code <job>.mp4}, {@code <job>.jpg} and {@code <job>.json}, for a
 * person or another system to pick up; a short cut from the job's video as {@code <job>-short-<n>.*}. Each
 * file appears whole (written aside, then moved into place); publishing the same post again rewrites the same files.
 */
public class OutboxPublisher implements Publisher {

    private final Path outbox;
    private final ObjectMapper json;

    /** {@code folder}: where this platform's files go. */
    public OutboxPublisher(ProviderSettings settings, AdapterKit kit) {
        this.outbox = Path.of(settings.text("folder")).toAbsolutePath().normalize();
        this.json = kit.json();
    }

    @Override
    public String publish(Render render, PostMetadata metadata, UploadSession session) {
        try {
            String name = MediaStore.plainName(metadata.postId());
            Path directory = Files.createDirectories(outbox);
            Path video = directory.resolve(name + ".mp4");
            place(Path.of(render.path()), video);
            ObjectNode sidecarJson = json.valueToTree(metadata);
            sidecarJson.put("video", video.getFileName().toString());
            if (render.thumbnailPath() != null) {
                Path thumbnail = directory.resolve(name + ".jpg");
                place(Path.of(render.thumbnailPath()), thumbnail);
                sidecarJson.put("thumbnail", thumbnail.getFileName().toString());
            }
            Path sidecar = directory.resolve(name + ".json");
            MediaStore.writeWhole(sidecar, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sidecarJson));
            return video.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to outbox " + outbox, e);
        }
    }

    /**
     * Puts {@code source} at {@code target}, whole: a hard link when the outbox is on the same file
     * system (no copy of the bytes), else a copy, made aside and moved into place.
     */
    private static void place(Path source, Path target) throws IOException {
        Path temporary = MediaStore.temporaryFor(target);
        try {
            try {
                Files.createLink(temporary, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            MediaStore.moveIntoPlace(temporary, target);
        } finally {
            MediaStore.deleteQuietly(temporary);
        }
    }
}
