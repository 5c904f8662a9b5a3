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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cutline.ledger.Step;
import io.cutline.support.Http;
import io.cutline.support.ManyTopics;

/**
 * The soak's jobs and report (bench/soak.sh starts the emulator and the service, kills and restarts
 * the service, and samples its memory; this class does the rest).
 * <ul>
 *   <li>{@code prepare RUN JOBS}: the {@link SoakChannels}, each with enough distinct topics for its
 *   share of the jobs, under RUN;</li>
 *   <li>{@code run RUN JOBS API_PORT EMULATOR_PORT STARTED_MS}
 *   (STARTED_MS: when the run began, before the emulator started): creates the jobs through the REST API
 *   (each with its idempotency key, so a request cut off by a kill is simply sent again), waits
 *   until none is running, writing the progress to RUN/progress for the shell's killer, then prints
 *   the report (also to RUN/soak.txt).</li>
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
        List<String> ids = soak.submit();
        Map<String, JsonNode> ended = soak.await(ids);
        String report = soak.report(ids, ended, Long.parseLong(args[5]));
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
     * Waits until no job is running, or until none has moved for {@link #STALL}; writes the progress
     * (steps passed, in percent of all) to RUN/progress. Returns each job's view.
     */
    private Map<String, JsonNode> await(List<String> ids) throws Exception {
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
            Thread.sleep(3000);
        }
        Files.writeString(run.resolve("progress"), "100");
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
            for (int layer = 0; layer < reached.length; layer++) {
                reached[layer] += step >= layer ? 1 : 0;
                passed[layer] += step > layer ? 1 : 0;
            }
        }
        int done = states.getOrDefault("DONE", 0);
        int parked = states.getOrDefault("PARKED", 0);
        int lost = ids.size() - done - parked;
        out.append(String.format(Locale.ROOT, "soak: %d jobs on %d channels, %d kill -9 of the service, wall time %.0f s (the emulator's start to the report)%n",
                ids.size(), SoakChannels.CHANNELS.size(), kills().size(), (System.currentTimeMillis() - startedMillis) / 1000.0));
        int inLedger = answered(() -> api.get("/api/jobs?limit=500")).body().path("jobs").size();
        out.append(String.format(Locale.ROOT, "  jobs: %d done, %d parked, %d lost (neither done nor parked); %d in the ledger%n",
                done, parked, lost, inLedger));
        parkedReasons.forEach((reason, count) -> out.append(String.format(Locale.ROOT, "    parked x%d at %s%n", count, reason)));
        out.append("  success rate per layer (jobs past the layer / jobs that reached it):\n");
        for (int layer = 0; layer < reached.length; layer++) {
            out.append(String.format(Locale.ROOT, "    %-13s %5.1f %%  (%d / %d)%n", Step.values()[layer],
                    percent(passed[layer], reached[layer]), passed[layer], reached[layer]));
        }
        out.append(String.format(Locale.ROOT, "    end to end    %5.1f %%  (%d / %d; target >= 99.5 %%)%n",
                percent(done, ids.size()), done, ids.size()));
        out.append(String.format(Locale.ROOT, "  kills at progress %s (%% of all steps passed)%n", kills()));
        out.append(faults());
        out.append(payments(views));
        out.append(writers());
        out.append(new SoakPublications(views).report(answered(() -> emulator.get("/emulator/posts")).body(), run.resolve("outbox")));
        out.append(service());
        return out.toString();
    }

    /**
     * Paid submissions and duplicates: the emulator's own bills against what Cutline reports in
     * /api/costs; for speech (not in /api/costs), the bills against the scenes voiced.
     */
    private String payments(Map<String, JsonNode> views) throws Exception {
        JsonNode billed = answered(() -> emulator.get("/emulator/stats")).body().path("providers");
        Map<String, JsonNode> reported = new TreeMap<>();
        answered(() -> api.get("/api/costs")).body().path("providers").forEach(cost -> reported.put(cost.path("provider").asText(), cost));
        StringBuilder out = new StringBuilder("  paid submissions per provider, emulator's bills vs Cutline's /api/costs (Kling, Luma and fal"
                + " are asked about a lost reply: no paid duplicate; Runway and Veo cannot be: Cutline counts every unknown outcome as paid,"
                + " at least what was billed):\n");
        for (String provider : SoakChannels.VIDEO) {
            JsonNode bill = billed.path(provider);
            JsonNode cost = reported.getOrDefault(provider, MissingNode.getInstance());
            out.append(String.format(Locale.ROOT, "    %-10s billed %4d, paid duplicates %3d | Cutline: %4d clips, %4d paid, %3d possible duplicates%n",
                    provider, bill.path("billable").asLong(), bill.path("duplicates").asLong(), cost.path("clips").asInt(),
                    cost.path("paidSubmissions").asInt(), cost.path("possibleDuplicates").asInt()));
        }
        for (String provider : SoakChannels.VOICE) {
            long voiced = views.values().stream().flatMap(view -> stream(view.path("scenes")))
                    .filter(scene -> scene.path("voice").path("provider").asText().equals(provider)).count();
            long bills = billed.path(provider).path("billable").asLong();
            out.append(String.format(Locale.ROOT, "    %-10s billed %4d for %4d scenes voiced: %d sent again after a lost reply, a timeout or a kill "
                    + "(speech cannot be looked up)%n", provider, bills, voiced, bills - voiced));
        }
        return out.toString();
    }

    /** Writer calls per LLM protocol: the emulator's bills (every answer it made, lost or not) against Cutline's /api/costs. */
    private String writers() throws Exception {
        JsonNode billed = answered(() -> emulator.get("/emulator/stats")).body().path("providers");
        Map<String, JsonNode> reported = new TreeMap<>();
        answered(() -> api.get("/api/costs")).body().path("writers").forEach(cost -> reported.put(cost.path("writer").asText(), cost));
        StringBuilder out = new StringBuilder("  writer calls, emulator's bills vs Cutline's /api/costs (an answer lost or too late is billed"
                + " but not recorded: Cutline never saw its tokens):\n");
        for (List<String> writer : SoakChannels.WRITERS) {
            JsonNode cost = reported.getOrDefault(writer.get(0), MissingNode.getInstance());
            out.append(String.format(Locale.ROOT, "    %-10s billed %4d | Cutline: %4d calls, %7d tokens in, %6d out, $%.4f%n", writer.get(0),
                    billed.path(writer.get(1)).path("billable").asLong(), cost.path("calls").asInt(), cost.path("inputTokens").asLong(),
                    cost.path("outputTokens").asLong(), cost.path("usd").asDouble()));
        }
        return out.toString();
    }

    /** Faults the emulator injected, by kind, over all calls. */
    private String faults() throws Exception {
        JsonNode stats = answered(() -> emulator.get("/emulator/stats")).body();
        long calls = 0;
        for (JsonNode account : stats.path("providers")) {
            calls += account.path("requests").asLong();
        }
        Map<String, Integer> byKind = new TreeMap<>();
        stats.path("faults").fields().forEachRemaining(entry ->
                byKind.merge(entry.getKey().substring(entry.getKey().indexOf(' ') + 1), entry.getValue().asInt(), Integer::sum));
        int injected = byKind.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "  emulator: %d calls, %d transient faults (%.1f %%): %s%n", calls, injected,
                percent(injected, calls), byKind);
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

    /** The progress (in percent) at each kill, as the shell logged it. */
    private List<String> kills() throws IOException {
        Path kills = run.resolve("kills.txt");
        return Files.exists(kills) ? Files.readAllLines(kills).stream().map(String::trim).filter(line -> !line.isEmpty()).toList() : List.of();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100 : 100.0 * part / whole;
    }

    /** What {@code call} answers once the service (or the emulator) is up again; a refused connection is waited out. */
    private static Http.Answer answered(Call call) throws Exception {
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
    private interface Call {
        Http.Answer send() throws IOException, InterruptedException;
    }
}
