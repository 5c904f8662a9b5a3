package io.cutline.media;

import java.nio.file.Path;
import java.util.List;

/**
 * Decodes provider audio (MP3 and the like) to PCM WAV. Compressed formats carry encoder delay and
 * padding, so their container duration is only an estimate; after decoding, a file's length is
 * exactly what will play, which the timing plan and the sync gate rely on.
 */
public class AudioDecoder {

    private final ToolRunner tools;

    public AudioDecoder(ToolRunner tools) {
        this.tools = tools;
    }

    public void toWav(Path source, Path target) {
        Path temporary = MediaStore.temporaryFor(target);
        try {
            tools.run(Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", source.toString(),
                    "-vn", "-c:a", "pcm_s16le", "-ar", "48000", "-f", "wav", temporary.toString()));
            MediaStore.moveIntoPlace(temporary, target);
        } catch (ToolFailedException e) {
            throw new CorruptMediaException(source, "cannot be decoded: " + e.getMessage());
        } finally {
            MediaStore.deleteQuietly(temporary);
        }
    }
}
