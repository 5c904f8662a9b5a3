package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.ledger.Step;
import io.cutline.support.Http;
import io.cutline.support.ManyTopics;

/**
 * The soak's jobs and report (bench/soak.sh starts the emulator and the service, kills and restarts
 * the service, and samples its memory; this class does the rest).
 * <ul>
 *   <li>{@code prepare RUN JOBS}: the {@link SoakChannels}, each with enough distinct topics for its
 *   share of the jobs, under RUN;</li>
 *   <li>{@code run RUN JOBS API_PORT EMULATOR_PORT STARTED_MS [MINUTES]}
 *   (STARTED_MS: when the run began, before the emulator started): creates the jobs through the REST API
 *   (each with its idempotency key, so a request cut off by a kill is simply sent again), waits
 *   until none is running (or MINUTES have passed: the jobs still at work are then reported as
 *   unfinished), writing the progress to RUN/progress for the shell's killer, then prints the
 *   report (also to RUN/soak.txt);</li>
 *   <li>{@code report RUN JOBS API_PORT EMULATOR_PORT STARTED_MS}: the report of the jobs in
 *   RUN/jobs.txt as they are now, against a service and emulator still up (a run stopped by hand).</li>
 * </ul>
 * The token is {@code CUTLINE_API_TOKEN}. While the service is down (killed, starting again) every
 * call is repeated until it answers.
 */
public final class SoakBenchmark {

    /** A running job that has not moved for this long is given up on (reported lost). */
    private static final Duration STALL = Duration.ofMinutes(10);

    private final Path run;
    private final int jobs;
    private final Http api;
    private final Http emulator;
    /** Whether the run was stopped (time limit, or {@code report} mode) with jobs still running: those are unfinished, not lost. */
    private boolean stopped;

    private SoakBenchmark(Path run, int jobs, int apiPort, int emulatorPort) {
        this.run = run;
        this.jobs = jobs;
        this.api = new Http(apiPort, System.getenv("CUTLINE_API_TOKEN"));
        this.emulator = new Http(emulatorPort, null);
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[1]);
        int jobs = Integer.parseInt(args[2]);
        if (args[0].equals("prepare")) {
            SoakChannels.prepare(run, jobs);
            return;
        }
        SoakBenchmark soak = new SoakBenchmark(run, jobs, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        List<String> ids;
        if (args[0].equals("report")) {
            ids = Files.readAllLines(run.resolve("jobs.txt"));
            soak.stopped = true;
        } else {
            ids = soak.submit();
            long minutes = args.length > 6 ? Long.parseLong(args[6]) : 0;
            soak.await(ids, minutes > 0 ? System.nanoTime() + Duration.ofMinutes(minutes).toNanos() : Long.MAX_VALUE);
        }
        String report = soak.report(ids, soak.views(ids), Long.parseLong(args[5]));
        System.out.print(report);
        Files.writeString(run.resolve("soak.txt"), report);
    }

    /** Creates the jobs (job i on channel i mod 3, topic i), returning their ids in order. */
    private List<String> submit() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String body = String.format(Locale.ROOT, "{\"channel\":\"%s\",\"topic\":\"%s\",\"idempotencyKey\":\"soak-%d\"}",
                    SoakChannels.CHANNELS.get(i % SoakChannels.CHANNELS.size()).id(), ManyTopics.title(i), i);
            Http.Answer created = answered(() -> api.post("/api/jobs", body));
            while (created.status() == 429) {
                Thread.sleep(1000L * Long.parseLong(created.raw().headers().firstValue("Retry-After").orElse("1")));
                created = answered(() -> api.post("/api/jobs", body));
            }
            if (created.status() != 202 && created.status() != 200) {
                throw new IllegalStateException("POST /api/jobs answered " + created.status() + ": " + created.raw().body());
            }
            ids.add(created.body().path("id").asText());
        }
        Files.write(run.resolve("jobs.txt"), ids);
        return ids;
    }

    /**
     * Waits until no job is running, until none has moved for {@link #STALL} (those still running are
     * lost), or until {@code deadline} (System.nanoTime; those still running are unfinished); writes
     * the progress (steps passed, in percent of all) to RUN/progress.
     */
    private void await(List<String> ids, long deadline) throws Exception {
        int total = ids.size() * Step.DONE.ordinal();
        String seen = "";
        long movedAt = System.nanoTime();
        while (true) {
            JsonNode list = answered(() -> api.get("/api/jobs?limit=500")).body();
            int passed = 0;
            int running = 0;
            StringBuilder states = new StringBuilder();
            for (JsonNode job : list.path("jobs")) {
                passed += Step.valueOf(job.path("step").asText()).ordinal();
                running += job.path("state").asText().equals("RUNNING") ? 1 : 0;
                states.append(job.path("state").asText()).append(job.path("step").asText());
            }
            Files.writeString(run.resolve("progress"), String.valueOf(100 * passed / total));
            if (!states.toString().equals(seen)) {
                seen = states.toString();
                movedAt = System.nanoTime();
            }
            if (running == 0 && list.path("jobs").size() >= ids.size() || System.nanoTime() - movedAt > STALL.toNanos()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                stopped = true;
                break;
            }
            Thread.sleep(3000);
        }
        Files.writeString(run.resolve("progress"), "100");
    }

    /** Each job's view, in order. */
    private Map<String, JsonNode> views(List<String> ids) throws Exception {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String id : ids) {
            views.put(id, answered(() -> api.get("/api/jobs/" + id)).body());
        }
        return views;
    }

    private String report(List<String> ids, Map<String, JsonNode> views, long startedMillis) throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> parkedReasons = new TreeMap<>();
        int[] reached = new int[Step.DONE.ordinal()];
        int[] passed = new int[Step.DONE.ordinal()];
        for (JsonNode view : views.values()) {
            String state = view.path("state").asText("MISSING");
            states.merge(state, 1, Integer::sum);
            if (state.equals("PARKED")) {
                JsonNode failure = view.path("failure");
                parkedReasons.merge(failure.path("step").asText() + ": " + failure.path("reason").asText(), 1, Integer::sum);
            }
            int step = state.equals("MISSING") ? 0 : Step.valueOf(view.path("step").asText()).ordinal();
            // a job still at work in a stopped run has not got through its current layer, nor failed it
            int inProgress = stopped && state.equals("RUNNING") ? 1 : 0;
            for (int layer = 0; layer < reached.length; layer++) {
                reached[layer] += step >= layer + inProgress ? 1 : 0;
                passed[layer] += step > layer ? 1 : 0;
            }
        }
        int done = states.getOrDefault("DONE", 0);
        int parked = states.getOrDefault("PARKED", 0);
        int unfinished = stopped ? states.getOrDefault("RUNNING", 0) : 0;
        int lost = ids.size() - done - parked - unfinished;
        out.append(String.format(Locale.ROOT, "soak: %d jobs on %d channels, %d kill -9 of the service, wall time %.0f s (the emulator's start to the report)%n",
                ids.size(), SoakChannels.CHANNELS.size(), kills().size(), (System.currentTimeMillis() - startedMillis) / 1000.0));
        int inLedger = answered(() -> api.get("/api/jobs?limit=500")).body().path("jobs").size();
        out.append(String.format(Locale.ROOT, "  jobs: %d done, %d parked, %d lost (neither done nor parked%s); %d in the ledger%n",
                done, parked, lost, stopped ? ", nor at work" : "", inLedger));
        if (stopped) {
            out.append(String.format(Locale.ROOT, "  the run was stopped with %d jobs still at work (unfinished, not lost): %s%n", unfinished, steps(views)));
        }
        parkedReasons.forEach((reason, count) -> out.append(String.format(Locale.ROOT, "    parked x%d at %s%n", count, reason)));
        out.append("  success rate per layer (jobs past the layer / jobs that reached it):\n");
        for (int layer = 0; layer < reached.length; layer++) {
            out.append(String.format(Locale.ROOT, "    %-13s %5.1f %%  (%d / %d)%n", Step.values()[layer],
                    percent(passed[layer], reached[layer]), passed[layer], reached[layer]));
        }
        out.append(String.format(Locale.ROOT, "    end to end    %5.1f %%  (%d / %d%s; target >= 99.5 %%)%n",
                percent(done, ids.size() - unfinished), done, ids.size() - unfinished, stopped ? " jobs that ended" : ""));
        out.append(String.format(Locale.ROOT, "  kills at progress %s (%% of all steps passed)%n", kills()));
        SoakBills bills = new SoakBills(api, emulator);
        out.append(bills.faults());
        out.append(bills.payments(views));
        out.append(bills.writers());
        out.append(new SoakPublications(views).report(answered(() -> emulator.get("/emulator/posts")).body(), run.resolve("outbox")));
        out.append(service());
        return out.toString();
    }

    /** Peak resident memory and threads of the service's processes, from the shell's samples of /proc/PID/status. */
    private String service() throws IOException {
        Path samples = run.resolve("samples.txt");
        long peakRss = 0;
        int peakThreads = 0;
        int count = 0;
        for (String line : Files.exists(samples) ? Files.readAllLines(samples) : List.<String>of()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2) {
                peakRss = Math.max(peakRss, Long.parseLong(fields[0]));
                peakThreads = Math.max(peakThreads, Integer.parseInt(fields[1]));
                count++;
            }
        }
        return String.format(Locale.ROOT, "  service: peak RSS %d MB, peak threads %d (%d samples of /proc/PID/status)%n",
                peakRss >> 10, peakThreads, count);
    }

    /** How many jobs still at work are at each step. */
    private static Map<String, Integer> steps(Map<String, JsonNode> views) {
        Map<String, Integer> steps = new TreeMap<>();
        views.values().stream().filter(view -> view.path("state").asText().equals("RUNNING"))
                .forEach(view -> steps.merge(view.path("step").asText(), 1, Integer::sum));
        return steps;
    }

    /** The progress (in percent) at each kill, as the shell logged it. */
    private List<String> kills() throws IOException {
        Path kills = run.resolve("kills.txt");
        return Files.exists(kills) ? Files.readAllLines(kills).stream().map(String::trim).filter(line -> !line.isEmpty()).toList() : List.of();
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 100 : 100.0 * part / whole;
    }

    /** What {@code call} answers once the service (or the emulator) is up again; a refused connection is waited out. */
    static Http.Answer answered(Call call) throws Exception {
        long deadline = System.nanoTime() + STALL.toNanos();
        while (true) {
            try {
                return call.send();
            } catch (IOException down) {
                if (System.nanoTime() > deadline) {
                    throw down;
                }
                Thread.sleep(1000);
            }
        }
    }

    @FunctionalInterface
    interface Call {
        Http.Answer send() throws IOException, InterruptedException;
    }
}
