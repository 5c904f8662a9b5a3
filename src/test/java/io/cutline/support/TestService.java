package io.cutline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.cutline.cli.CutlineRuntime;
import io.cutline.job.JobRequest;
import io.cutline.job.Receipt;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobState;
import io.cutline.ledger.LedgerDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Cutline service for one test: the real Main, configuration and YAML routes, with its ledger,
 * media and outbox in a fresh directory under target/test-runs. Several services can be started
 * one after the other on the same root (a restart).
 */
public final class TestService implements AutoCloseable {

    /** The environment variable (set by the build) holding the token the test services accept. */
    public static final String TOKEN_VARIABLE = "CUTLINE_TEST_API_TOKEN";

    /** The x264 preset for tests that check the H.264 profile: the fastest that still writes High. */
    public static final String HIGH_PROFILE_PRESET = "superfast";

    private final Path root;
    private final Map<String, String> overrides;
    private Main main;

    public TestService(Path root, Map<String, String> extra) {
        this.root = root;
        this.overrides = new HashMap<>(Map.of(
                "cutline.db.url", "jdbc:h2:file:" + root.resolve("ledger").toAbsolutePath(),
                "cutline.media.dir", root.resolve("media").toString(),
                "cutline.outbox.dir", root.resolve("outbox").toString(),
                "cutline.schedules.enabled", "false",
                "cutline.retry.delay-ms", "100",
                "cutline.jobs.recovery-delay-ms", "0",
                "cutline.jobs.recovery-interval-ms", "2000",
                "camel.main.shutdown-timeout", "1"));
        this.overrides.putAll(fastMedia());
        this.overrides.putAll(CutlineRuntime.oneShot());
        this.overrides.put("cutline.jobs.recovery-enabled", "true");
        this.overrides.putAll(extra);
        this.overrides.values().removeIf(String::isEmpty);
    }

    /**
     * What every test service makes media with unless a test says otherwise; cheaper than production
     * and checked the same way. Clips, and the working time line built from them, are made at a short
     * side of 270 instead of 720 (270x480 for 9:16, even on both sides; the renditions keep their
     * sizes: 1080x1920 and so on). x264 runs at
     * {@code ultrafast} instead of {@code veryfast}; ultrafast writes Constrained Baseline, so a test that
     * checks for H.264 High sets {@code cutline.assembly.preset} to {@link #HIGH_PROFILE_PRESET}.
     */
    public static Map<String, String> fastMedia() {
        return Map.of("cutline.generation.short-side", "270", "cutline.assembly.preset", "ultrafast");
    }

    /** Settings that undo {@link #fastMedia()}: the production defaults, for benchmarks. */
    public static Map<String, String> productionMedia() {
        return Map.of("cutline.generation.short-side", "", "cutline.assembly.preset", "");
    }

    /** A fresh directory for one test's ledger and media. */
    public static Path newRoot(String name) {
        try {
            return Files.createDirectories(Path.of("target", "test-runs", name + "-" + System.nanoTime())).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for the quick test channel (src/test/resources). */
    public static Map<String, String> quickChannel() {
        return Map.of("cutline.channels.dir", "src/test/resources/channels", "cutline.signals.dir", "src/test/resources/signals");
    }

    /**
     * Settings that serve the REST API on {@code port} (the empty exclude pattern removes the one-shot
     * default), accepting the token in {@link #TOKEN_VARIABLE}.
     */
    public static Map<String, String> withApi(int port) {
        return Map.of("camel.server.enabled", "true", "camel.management.enabled", "true",
                "camel.server.port", String.valueOf(port), "camel.management.port", String.valueOf(port),
                "camel.main.routes-exclude-pattern", "", "cutline.api.token-env", TOKEN_VARIABLE);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestService start() throws Exception {
        main = CutlineRuntime.main(overrides);
        main.start();
        return this;
    }

    public void stop() throws Exception {
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public JdbcTemplate jdbc() {
        return bean("ledgerDatabase", LedgerDatabase.class).jdbc();
    }

    public Path root() {
        return root;
    }

    public String submit(String channel) {
        return submit(new JobRequest(channel, null, null, "test")).job().id();
    }

    public Receipt submit(JobRequest request) {
        return context().createProducerTemplate().requestBody("direct:submit-job", request, Receipt.class);
    }

    /** Waits until the job is done or parked (or fails the test after the timeout); a waiting language variant has not ended. */
    public Job awaitEnd(String jobId, Duration timeout) throws Exception {
        JobLedger jobs = bean("jobLedger", JobLedger.class);
        return Await.value("job " + jobId + " to end", timeout, Duration.ofMillis(100), () -> jobs.require(jobId),
                job -> job.state() == JobState.DONE || job.state() == JobState.PARKED);
    }
}
