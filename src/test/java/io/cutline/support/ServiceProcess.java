package io.cutline.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cutline serve} in a JVM of its own (the test's class path, the project's config and
 * routes, these settings as system properties), so a test can kill it with SIGKILL mid-flight and
 * start another on the same ledger.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * How long a start may take: 15-20 s on a quiet machine, but a restart after {@code kill -9} took 92 s
     * at a load average of 15-23 on two cores (the thread dump showed it up, not stuck).
     */
    private static final Duration START_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final Http api;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.api = new Http(port);
    }

    /** Starts the service and waits until its REST API answers. */
    public static ServiceProcess start(Map<String, String> settings, int port, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.cutline.Cutline", "serve"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port);
        try {
            Await.until("the service's REST API (see " + log + ")", START_WITHIN, Duration.ofMillis(100), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return service.api.get("/api/jobs").status() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
            return service;
        } catch (AssertionError | RuntimeException e) {
            service.dumpThreadsTo(log);
            service.kill();
            throw e;
        }
    }

    /** The threads of a service that would not start, appended to its log, so a hang says where it hangs. */
    private void dumpThreadsTo(Path log) {
        if (!process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                    "Thread.print").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // the timeout is the finding; a missing dump only makes it harder to read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Http api() {
        return api;
    }

    /** SIGTERM, as an orchestrator stops a service; returns how long the process took to exit. */
    public Duration terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the service did not stop within " + patience + " of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGKILL: no shutdown hook, no lease or claim released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
