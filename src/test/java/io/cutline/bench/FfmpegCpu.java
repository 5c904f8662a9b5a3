package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wrapper for the ffmpeg binary that records each run's start, end and CPU time (user + system,
 * from the shell's {@code times}), so a benchmark can report CPU-seconds beside wall time: wall
 * time moves with the machine's load, CPU time much less.
 */
final class FfmpegCpu {

    private static final Pattern MINUTES_SECONDS = Pattern.compile("(\\d+)m([\\d.]+)s");

    private final Path script;
    private final Path log;

    FfmpegCpu(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.script = directory.resolve("ffmpeg-cpu.sh");
        this.log = directory.resolve("ffmpeg-cpu.log");
        Files.writeString(script, """
                #!/usr/bin/env bash
                start=$(date +%%s.%%N)
                ffmpeg "$@"
                status=$?
                # times in this shell, not in a pipeline's subshell (a fresh process has no child times)
                times > '%1$s.'$$
                echo "$start $(date +%%s.%%N) $(tail -n 1 '%1$s.'$$)" >> '%1$s'
                rm -f '%1$s.'$$
                exit $status
                """.formatted(log));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    String path() {
        return script.toString();
    }

    /** CPU-seconds of the runs that started within [from, to]. */
    double cpuSeconds(Instant from, Instant to) throws IOException {
        double total = 0;
        for (String line : Files.exists(log) ? Files.readAllLines(log) : java.util.List.<String>of()) {
            String[] parts = line.split(" ", 3);
            Instant started = Instant.ofEpochMilli(Math.round(Double.parseDouble(parts[0]) * 1000));
            if (!started.isBefore(from) && !started.isAfter(to)) {
                Matcher times = MINUTES_SECONDS.matcher(parts[2]);
                while (times.find()) {
                    total += Integer.parseInt(times.group(1)) * 60 + Double.parseDouble(times.group(2));
                }
            }
        }
        return total;
    }

    /** CPU-seconds of every run so far. */
    double cpuSeconds() throws IOException {
        return cpuSeconds(Instant.EPOCH, Instant.now());
    }
}
