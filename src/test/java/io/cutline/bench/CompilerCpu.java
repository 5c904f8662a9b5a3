package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's JIT compiler threads, read from /proc/self/task (the management beans
 * see no compiler thread, and the compilation bean's time is wall time, which on a busy machine
 * counts the time a compiler waited for a core). A benchmark reports it so that the one-off cost
 * of compiling, large on two cores, is seen apart from the work it measures. 0 off Linux.
 */
final class CompilerCpu {

    /** Linux's USER_HZ: the unit of utime and stime in /proc, 100 on every architecture Java runs on here. */
    private static final double TICKS_PER_SECOND = 100;

    private CompilerCpu() {
    }

    static double seconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(CompilerCpu::compilerTicks).sum() / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long compilerTicks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // the name is in parentheses and may hold spaces; the fields after it are space-separated
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat; the first after the name is field 3
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended between the listing and the read
        }
    }
}
