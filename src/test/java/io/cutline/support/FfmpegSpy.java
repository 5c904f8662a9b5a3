package io.cutline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for the ffmpeg binary that logs every invocation, can slow down clip renders, and
 * fails (or fakes with garbage) a clip render whose drawn words contain the word in its fault file;
 * otherwise it runs the real ffmpeg. Tests point {@code cutline.tools.ffmpeg} at it.
 */
public final class FfmpegSpy {

    private final Path script;
    private final Path log;
    private final Path fault;

    public FfmpegSpy(Path directory, double clipDelaySeconds) {
        this.script = directory.resolve("ffmpeg-spy.sh");
        this.log = directory.resolve("ffmpeg-calls.log");
        this.fault = directory.resolve("ffmpeg-fault");
        String body = """
                #!/usr/bin/env bash
                printf '%%s\\n' "$*" >> '%s'
                textfile=""
                for arg in "$@"; do
                  case "$arg" in *textfile=*) textfile="${arg#*textfile=}"; textfile="${textfile%%%%:*}";; esac
                done
                if [ -n "$textfile" ]; then
                  sleep %s
                  fault="$(cat '%s' 2>/dev/null)"
                  if [ -n "$fault" ] && grep -qi -- "${fault#corrupt:}" "$textfile"; then
                    if [ "${fault#corrupt:}" != "$fault" ]; then
                      for output in "$@"; do :; done
                      head -c 4096 /dev/urandom > "$output"
                      exit 0
                    fi
                    echo "injected fault: $fault in the prompt" >&2
                    exit 1
                  fi
                fi
                exec ffmpeg "$@"
                """.formatted(log, clipDelaySeconds, fault);
        try {
            Files.createDirectories(directory);
            Files.writeString(script, body);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String path() {
        return script.toString();
    }

    /** Makes clip renders whose drawn words contain {@code word} exit 1. */
    public void failOn(String word) throws IOException {
        Files.writeString(fault, word);
    }

    /** Makes clip renders whose drawn words contain {@code word} write random bytes and exit 0. */
    public void corruptOn(String word) throws IOException {
        Files.writeString(fault, "corrupt:" + word);
    }

    public void heal() throws IOException {
        Files.deleteIfExists(fault);
    }

    /** How many ffmpeg runs produced the clip with this content key. */
    public long rendersOf(String contentKey) throws IOException {
        return calls().stream().filter(line -> line.contains("-" + contentKey + ".mp4")).count();
    }

    public List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
