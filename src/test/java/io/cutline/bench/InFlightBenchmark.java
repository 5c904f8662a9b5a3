package io.cutline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Scene;
import io.cutline.model.Storyboard;
import io.cutline.support.Await;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In-flight scale (bench/in-flight.sh [clips]): 10,000 clips submitted to an emulated provider (in its
 * own process) whose tasks take an hour, so all stay in flight while the poller keeps checking them.
 * The jobs enter at layer 3 (their storyboards and measured narration written straight to the
 * ledger, as layers 1 and 2 would leave them), then the real routes plan, route, submit and poll.
 * Reports this JVM's heap and live threads against the targets (512 MB, 200 threads) and the
 * coordinator's CPU per scene submitted and per poll.
 * <p>
 * A warm-up batch of jobs is submitted first and not counted: in its first minute the JVM spends
 * about a third of its CPU compiling (C1 and C2 threads), which a service running for days does
 * once. The CPU of the measured submission is reported as it is (the polls of clips already sent
 * run beside it) and net of those polls, which are counted and charged at the steady state's cost
 * per poll; the cost per poll is reported on its own.
 */
public final class InFlightBenchmark {

    private static final int SCENES_PER_JOB = 10;
    private static final String KEY = "bench-key";

    private InFlightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clips = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steadySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUpClips = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        long started = System.nanoTime();
        Path root = TestService.newRoot("bench-in-flight");
        Process emulator = startEmulator(root);
        try {
            String base = baseUrl(emulator);
            post(base + "/emulator/timing", "{\"provider\":\"kling\",\"latencyMillis\":3600000,\"pollsBeforeDone\":1}");
            Map<String, String> settings = HostedSettings.emulated(base);
            settings.put("cutline.generation.kling.secret-key-env", "CUTLINE_BENCH_KEY");
            settings.put("cutline.channels.dir", HostedSettings.quickChannel(root, "generation:\n  provider: kling\n", 100, 1e9).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.generation.kling.max-in-flight", "0");
            settings.put("cutline.generation.kling.submissions-per-minute", "0");
            settings.put("cutline.generation.concurrency", "4");
            settings.put("cutline.generation.poll-tick-ms", "1000");
            settings.put("cutline.generation.kling.poll-interval-ms", "1000");
            settings.put("cutline.generation.poll-batch", "500");
            settings.put("cutline.db.pool-size", "16");
            // a slow answer from a loaded machine must not open the provider's circuit and park the jobs
            settings.put("cutline.providers.response-timeout-ms", "60000");
            // the poll batch under way when the bench ends finishes (the tests' 1 s cut it short, with a WARN)
            settings.put("camel.main.shutdown-timeout", "30");
            settings.putAll(TestService.productionMedia());
            try (TestService service = new TestService(root, settings).start()) {
                report(service, root, clips, warmUpClips, steadySeconds, started);
            }
        } finally {
            emulator.destroy();
            BenchFiles.delete(root);
        }
    }

    private static void report(TestService service, Path root, int clips, int warmUpClips, int steadySeconds, long started)
            throws Exception {
        JdbcTemplate ledger = service.jdbc();
        List<String> warmUp = seedJobs(service, "warm-up", warmUpClips / SCENES_PER_JOB);
        List<String> ids = seedJobs(service, "measured", clips / SCENES_PER_JOB);
        ProducerTemplate producer = service.context().createProducerTemplate();
        submit(producer, ledger, warmUp, warmUp.size() * SCENES_PER_JOB);
        double settleSeconds = awaitQuietCompiler();

        long checksBefore = checks(ledger);
        long cpuBefore = cpuNanos();
        double compilingBefore = CompilerCpu.seconds();
        long submitStarted = System.nanoTime();
        submit(producer, ledger, ids, (warmUp.size() + ids.size()) * SCENES_PER_JOB);
        double submitSeconds = (System.nanoTime() - submitStarted) / 1e9;
        double submitCpuMs = (cpuNanos() - cpuBefore) / 1e6;
        double compilingMs = (CompilerCpu.seconds() - compilingBefore) * 1e3;
        long pollsDuringSubmission = checks(ledger) - checksBefore;

        // the peaks below are the whole run's: submission included
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long steadyChecksBefore = checks(ledger);
        long steadyCpuBefore = cpuNanos();
        double steadyCompilingBefore = CompilerCpu.seconds();
        Thread.sleep(steadySeconds * 1000L);
        long polls = checks(ledger) - steadyChecksBefore;
        double steadyCpuMs = (cpuNanos() - steadyCpuBefore) / 1e6 - (CompilerCpu.seconds() - steadyCompilingBefore) * 1e3;
        double cpuPerPoll = polls == 0 ? 0 : steadyCpuMs / polls;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        int stillInFlight = ledger.queryForObject("SELECT COUNT(*) FROM generation_tasks WHERE state = 'SUBMITTED'", Integer.class);
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int scenes = ids.size() * SCENES_PER_JOB;
        String report = String.format(Locale.ROOT, """
                In-flight benchmark: %d clips (%d jobs x %d scenes) measured after a warm-up of %d, all in flight at an emulated provider (tasks take 1 h), one run, %s
                  warm-up: the JIT compilers were quiet %.0f s after its last submission
                  submission: %.1f s wall, %.1f s of coordinator CPU, of which %.1f s the JIT compilers'
                              %.2f ms per scene submitted, all counted
                              %.2f ms per scene net of the JIT compilers' CPU and of the %d polls that ran beside it (target < 5 ms)
                  steady state (%d s): %d polls (%.0f/s), coordinator CPU %.3f ms per poll (the JIT compilers' not counted), %d clips still in flight
                  heap (whole run): each pool's peak, summed, %d MB; live after GC %d MB; max heap %d MB
                  process memory: RSS %d MB now, peak %d MB
                  threads (whole run): %d live now, peak %d (target < 200)
                  ledger (H2 file) after %d polls: %d MB (target < 100 MB)
                  benchmark wall time %.0f s
                """, scenes, ids.size(), SCENES_PER_JOB, warmUp.size() * SCENES_PER_JOB, Machine.describe(), settleSeconds,
                submitSeconds, submitCpuMs / 1e3, compilingMs / 1e3, submitCpuMs / scenes,
                (submitCpuMs - compilingMs - pollsDuringSubmission * cpuPerPoll) / scenes, pollsDuringSubmission,
                steadySeconds, polls, polls / (double) steadySeconds, cpuPerPoll, stillInFlight,
                peakHeap >> 20, liveHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
                Machine.statusMegabytes("VmRSS"), Machine.statusMegabytes("VmHWM"), threads.getThreadCount(), threads.getPeakThreadCount(),
                checks(ledger), BenchFiles.ledgerMegabytes(root), (System.nanoTime() - started) / 1e9);
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-in-flight.txt"), report);
    }

    /** Hands the jobs to layer 3 and waits until the ledger has {@code submittedInAll} clips at the provider. */
    private static void submit(ProducerTemplate producer, JdbcTemplate ledger, List<String> ids, int submittedInAll) throws Exception {
        for (String id : ids) {
            producer.sendBodyAndHeader("direct:generate-clips", null, "jobId", id);
        }
        Await.until("every clip submitted", Duration.ofHours(1), Duration.ofMillis(200), () -> ledger.queryForObject(
                "SELECT COUNT(*) FROM generation_tasks WHERE state = 'SUBMITTED'", Integer.class) >= submittedInAll);
    }

    /**
     * Waits (at most two minutes) until the JIT compilers are done with what the warm-up queued: on two
     * cores C2 compiled for a minute after 3,000 warm-up submissions, one method taking up to a second.
     */
    private static double awaitQuietCompiler() throws InterruptedException {
        long started = System.nanoTime();
        long compiling = compilingMillis();
        do {
            long before = compiling;
            Thread.sleep(2_000);
            compiling = compilingMillis();
            if (compiling - before < 100) {
                break;
            }
        } while (System.nanoTime() - started < 120e9);
        return (System.nanoTime() - started) / 1e9;
    }

    private static long compilingMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long checks(JdbcTemplate ledger) {
        Long checks = ledger.queryForObject("SELECT COALESCE(SUM(checks), 0) FROM generation_tasks", Long.class);
        return checks == null ? 0 : checks;
    }

    /** Jobs at layer 3: storyboard and measured narration in the ledger, as layers 1 and 2 leave them. */
    private static List<String> seedJobs(TestService service, String batch, int count) {
        JobLedger jobs = service.bean("jobLedger", JobLedger.class);
        StoryLedger stories = service.bean("storyLedger", StoryLedger.class);
        VoiceLedger voices = new VoiceLedger(service.jdbc(), java.time.Clock.systemUTC(), new com.fasterxml.jackson.databind.ObjectMapper());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = jobs.create("quick", "in-flight bench " + batch + " " + i, "in-flight-" + batch + "-" + i, "bench").job().id();
            List<Storyboard.SceneDraft> scenes = new ArrayList<>();
            for (int s = 0; s < SCENES_PER_JOB; s++) {
                scenes.add(new Storyboard.SceneDraft("Line " + s + " of " + batch + " job " + i + ".",
                        "clean abstract motion; " + batch + " job " + i + " scene " + s, Scene.BROLL, null));
            }
            stories.saveStoryboard(id, new Storyboard("Bench " + i, "In-flight benchmark job", List.of("#bench"), scenes), "bench");
            for (int s = 0; s < SCENES_PER_JOB; s++) {
                voices.save(new VoiceTrack(id, s, "bench", "/dev/null", 3.0, List.of()));
            }
            jobs.advance(id, Step.RESEARCH);
            jobs.advance(id, Step.STORYBOARD);
            jobs.advance(id, Step.VOICE);
            ids.add(id);
        }
        return ids;
    }

    private static Process startEmulator(Path root) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "io.cutline.emulator.EmulatorMain", "--key", KEY);
        return new ProcessBuilder(command).redirectError(root.resolve("emulator.log").toFile()).start();
    }

    private static String baseUrl(Process emulator) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream()));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("provider emulator at ")) {
                String base = line.substring("provider emulator at ".length()).split(" ")[0];
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return base;
            }
        }
        throw new IllegalStateException("the emulator did not start");
    }

    private static void post(String url, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
