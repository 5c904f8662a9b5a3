package io.cutline.media;

import java.util.List;
import java.util.Optional;

/** What ffprobe reports about a media file. */
public record MediaInfo(double durationSeconds, List<Stream> streams) {

    public record Stream(String type, String codec, String profile, String pixelFormat, int width, int height,
                         int sampleRate, double durationSeconds) {
    }

    public Optional<Stream> video() {
        return streams.stream().filter(stream -> stream.type().equals("video")).findFirst();
    }

    public Optional<Stream> audio() {
        return streams.stream().filter(stream -> stream.type().equals("audio")).findFirst();
    }
}
