package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Benchmarks leave their reports under target/, not their runs: each run's directory goes when it is measured. */
final class BenchFiles {

    private BenchFiles() {
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The size of the files of an H2 ledger ({@code <root>/ledger.*}), in MB. */
    static long ledgerMegabytes(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            long bytes = 0;
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("ledger.")).toList()) {
                bytes += Files.size(file);
            }
            return bytes >> 20;
        }
    }
}
