package io.cutline.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.cutline.channel.Channel;

/** A channel's music beds: the audio files in its music folder; each job gets one, chosen by its id. */
public final class MusicLibrary {

    private MusicLibrary() {
    }

    public static Optional<Path> pick(Channel channel, String jobId) {
        if (channel.music() == null) {
            return Optional.empty();
        }
        List<Path> tracks = tracks(Path.of(channel.music().folder()));
        return tracks.isEmpty() ? Optional.empty()
                : Optional.of(tracks.get(Math.floorMod(jobId.hashCode(), tracks.size())).toAbsolutePath());
    }

    public static List<Path> tracks(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("(?i)[^.].*\\.(mp3|ogg|oga|wav|m4a|aac|flac|opus)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
