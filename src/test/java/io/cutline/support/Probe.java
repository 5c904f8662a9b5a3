package io.cutline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs ffprobe and ffmpeg from tests, independently of the code under test. */
public final class Probe {

    private Probe() {
    }

    public static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())));
    }

    public static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode stream : probe.path("streams")) {
            if (stream.path("codec_type").asText().equals(type)) {
                return stream;
            }
        }
        throw new AssertionError("no " + type + " stream in " + probe);
    }

    public static double duration(Path file) throws IOException, InterruptedException {
        return ffprobe(file).path("format").path("duration").asDouble();
    }

    /** One frame at {@code seconds} as 8-bit luma, optionally through a filter chain first. */
    public static byte[] grayFrame(Path video, double seconds, String filters, int width, int height)
            throws IOException, InterruptedException {
        return gray(List.of("-ss", String.valueOf(seconds), "-i", video.toString()), filters, width, height);
    }

    /** A still image (a thumbnail) as 8-bit luma. */
    public static byte[] grayImage(Path image, int width, int height) throws IOException, InterruptedException {
        return gray(List.of("-i", image.toString()), null, width, height);
    }

    private static byte[] gray(List<String> input, String filters, int width, int height) throws IOException, InterruptedException {
        Path out = Files.createTempFile("frame", ".gray");
        try {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
            command.addAll(input);
            command.addAll(List.of("-frames:v", "1", "-vf", (filters == null ? "" : filters + ",") + "format=gray", "-f", "rawvideo",
                    out.toString()));
            run(command);
            byte[] frame = Files.readAllBytes(out);
            if (frame.length != width * height) {
                throw new AssertionError("frame of " + frame.length + " bytes, expected " + width + "x" + height);
            }
            return frame;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Mean absolute luma difference of two frames over rows [fromRow, toRow). */
    public static double meanDifference(byte[] a, byte[] b, int width, int fromRow, int toRow) {
        long sum = 0;
        for (int i = fromRow * width; i < toRow * width; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / ((long) (toRow - fromRow) * width);
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        return runIn(null, command);
    }

    /** Runs {@code command} in {@code directory} (null: this one), so it can name files there by relative names. */
    public static String runIn(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        String errors = new String(process.getErrorStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + errors);
        }
        return new String(output);
    }
}
