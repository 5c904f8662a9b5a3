package io.cutline.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real speech for the emulated voice providers: espeak-ng, encoded by ffmpeg to what the protocol
 * returns. The emulator is a stand-in for remote services, so it runs the programs itself.
 */
final class SpeechSynth {

    private SpeechSynth() {
    }

    /** Speech for {@code text} as {@code format} ({@code wav} or {@code mp3}) bytes. */
    static byte[] speak(String text, String format) {
        try {
            Path directory = Files.createTempDirectory("emulator-speech");
            try {
                Path script = Files.writeString(directory.resolve("text.txt"), text, StandardCharsets.UTF_8);
                Path wav = directory.resolve("speech.wav");
                run(List.of("espeak-ng", "-v", "en-us", "-s", "170", "-w", wav.toString(), "-f", script.toString()));
                if (format.equals("wav")) {
                    return Files.readAllBytes(wav);
                }
                Path encoded = directory.resolve("speech." + format);
                run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav.toString(), "-ar", "44100", encoded.toString()));
                return Files.readAllBytes(encoded);
            } finally {
                try (var files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds of audio in an MP3 or WAV, measured with ffprobe. */
    static double seconds(byte[] audio, String format) {
        try {
            Path file = Files.createTempFile("emulator-audio", "." + format);
            try {
                Files.write(file, audio);
                Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                        file.toString()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                process.waitFor(30, TimeUnit.SECONDS);
                return Double.parseDouble(output);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            throw new IllegalStateException("cannot measure emulated audio", e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
