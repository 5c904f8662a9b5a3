package io.cutline.bench;

import static io.cutline.bench.SoakBenchmark.answered;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cutline.support.Http;

/** The soak report's money lines: the emulator's own bills and faults against what Cutline reports. */
final class SoakBills {

    private final Http api;
    private final Http emulator;

    SoakBills(Http api, Http emulator) {
        this.api = api;
        this.emulator = emulator;
    }

    /**
     * Paid submissions and duplicates: the emulator's own bills against what Cutline reports in
     * /api/costs; for speech (not in /api/costs), the bills against the scenes voiced.
     */
    String payments(Map<String, JsonNode> views) throws Exception {
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
    String writers() throws Exception {
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
    String faults() throws Exception {
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
                SoakBenchmark.percent(injected, calls), byKind);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
