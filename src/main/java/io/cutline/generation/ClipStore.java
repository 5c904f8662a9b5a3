package io.cutline.generation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import io.cutline.generation.clip.ClipRequest;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;

/**
 * The finished clips. A clip (rendered here or downloaded) is written aside, measured, and kept only
 * if it is the clip asked for; a finished clip is one the ledger records whose file is still there,
 * so any job asking for the same content key reuses it.
 */
public class ClipStore {

    private final GenerationLedger generations;
    private final MediaStore media;
    private final MediaProbe probe;

    public ClipStore(GenerationLedger generations, MediaStore media, MediaProbe probe) {
        this.generations = generations;
        this.media = media;
        this.probe = probe;
    }

    Optional<GenerationTask> finished(String key) {
        return generations.find(key)
                .filter(GenerationTask::succeeded)
                .filter(task -> task.clipPath() != null && Files.isRegularFile(Path.of(task.clipPath())));
    }

    /** Where the finished clip with this key is kept. */
    Path place(String key) {
        return media.clipPath(key);
    }

    /**
     * Has {@code make} write the clip for {@code request} to a file aside, verifies it, moves it to its
     * {@code place} and records the generation finished; a clip that fails verification is thrown, never kept.
     */
    void keep(String key, Path place, ClipRequest request, Consumer<Path> make) {
        Path candidate = MediaStore.temporaryFor(place);
        try {
            make.accept(candidate);
            MediaInfo clip = verify(candidate, request);
            MediaStore.moveIntoPlace(candidate, place);
            generations.succeed(key, place.toString(), clip.durationSeconds());
        } finally {
            MediaStore.deleteQuietly(candidate);
        }
    }

    /** A download or render that is not the clip asked for (too short, another shape, not video) is an error, never a clip. */
    private MediaInfo verify(Path clip, ClipRequest request) {
        MediaInfo info = probe.probe(clip);
        MediaInfo.Stream video = info.video().orElseThrow(() -> new CorruptMediaException(clip, "no video stream"));
        double frame = 1.0 / request.fps();
        if (info.durationSeconds() + frame < request.seconds()) {
            throw new CorruptMediaException(clip, String.format("%.3f s long, %.3f s were asked for",
                    info.durationSeconds(), request.seconds()));
        }
        double shape = (double) video.width() / video.height();
        double asked = (double) request.width() / request.height();
        if (Math.abs(shape - asked) > asked * 0.02) {
            throw new CorruptMediaException(clip, video.width() + "x" + video.height() + ", "
                    + request.width() + "x" + request.height() + " (or that shape) was asked for");
        }
        return info;
    }
}
