package io.cutline.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real, playable MP4 files of a requested size and length for the emulated video providers, made
 * once per (size, length) with FFmpeg and kept in memory, so thousands of tasks cost a few renders.
 */
final class VideoFactory {

    private final Map<String, byte[]> made = new ConcurrentHashMap<>();

    byte[] video(int width, int height, double seconds) {
        String key = width + "x" + height + "@" + String.format(Locale.ROOT, "%.3f", seconds);
        return made.computeIfAbsent(key, any -> render(width, height, seconds));
    }

    private static byte[] render(int width, int height, double seconds) {
        try {
            Path file = Files.createTempFile("emulated-video", ".mp4");
            try {
                Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        String.format(Locale.ROOT, "testsrc2=s=%dx%d:r=30:d=%.3f", width, height, seconds),
                        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", file.toString())
                        .redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("ffmpeg could not make an emulated video: " + output);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
