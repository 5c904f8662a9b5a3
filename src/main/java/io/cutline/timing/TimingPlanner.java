package io.cutline.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Plans each scene's clips from its measured narration and the provider's producible lengths:
 * the shortest single clip that covers narration plus lead and tail (or the longest, if it covers
 * the narration with less tail); failing that, the longest clip with a last-frame hold shorter than
 * the freeze gate, or slowed down within the allowed factor;
 * failing that, the fewest clips (then the fewest generated seconds, then the most even lengths)
 * that cover it. Narration is never cut and nothing is looped.
 */
public class TimingPlanner {

    private final double leadSeconds;
    private final double tailSeconds;
    private final double maxSlowdown;
    private final double maxHoldSeconds;

    public TimingPlanner(double leadSeconds, double tailSeconds, double maxSlowdown, double maxHoldSeconds) {
        if (maxSlowdown < 1 || maxHoldSeconds < 0 || leadSeconds < 0 || tailSeconds < 0) {
            throw new IllegalArgumentException("lead, tail and hold must be >= 0 and the slow-down factor >= 1");
        }
        this.leadSeconds = leadSeconds;
        this.tailSeconds = tailSeconds;
        this.maxSlowdown = maxSlowdown;
        this.maxHoldSeconds = maxHoldSeconds;
    }

    public TimingPlan plan(String provider, double narrationSeconds, String prompt, DurationRule rule) {
        if (!(narrationSeconds > 0)) {
            throw new IllegalArgumentException("narration must be longer than 0 s, got " + narrationSeconds);
        }
        double need = narrationSeconds + leadSeconds + tailSeconds;
        OptionalDouble single = rule.fit(need);
        if (single.isPresent()) {
            return plan(provider, TimingPlan.Kind.SINGLE, narrationSeconds, List.of(single.getAsDouble()), prompt, 1, 0);
        }
        double longest = rule.longest();
        double usable = longest - leadSeconds;
        if (usable >= narrationSeconds) {
            return plan(provider, TimingPlan.Kind.SINGLE, narrationSeconds, List.of(longest), prompt, 1, 0);
        }
        if (usable > 0 && narrationSeconds - usable < maxHoldSeconds) {
            return plan(provider, TimingPlan.Kind.HOLD, narrationSeconds, List.of(longest), prompt, 1, narrationSeconds - usable);
        }
        if (usable > 0 && narrationSeconds / usable <= maxSlowdown) {
            return plan(provider, TimingPlan.Kind.SLOW, narrationSeconds, List.of(longest), prompt, narrationSeconds / usable, 0);
        }
        return plan(provider, TimingPlan.Kind.SPLIT, narrationSeconds, split(narrationSeconds, rule), prompt, 1, 0);
    }

    /** The fewest clips covering the narration (each losing its lead), then the least generated, then the most even. */
    private List<Double> split(double narrationSeconds, DurationRule rule) {
        List<Double> lengths = rule.lengths().stream().filter(length -> length > leadSeconds).toList();
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("no producible clip is longer than the lead of " + leadSeconds + " s");
        }
        double longestUsable = lengths.get(lengths.size() - 1) - leadSeconds;
        int parts = (int) Math.ceil((narrationSeconds + tailSeconds) / longestUsable - 1e-9);
        parts = Math.max(parts, 2);
        List<Double> best = null;
        for (List<Double> candidate : combinations(lengths, parts)) {
            double usable = candidate.stream().mapToDouble(length -> length - leadSeconds).sum();
            if (usable + 1e-9 < narrationSeconds + tailSeconds) {
                continue;
            }
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no split of " + narrationSeconds + " s into " + parts + " clips");
        }
        return best;
    }

    private static boolean better(List<Double> candidate, List<Double> best) {
        double total = candidate.stream().mapToDouble(Double::doubleValue).sum();
        double bestTotal = best.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(total - bestTotal) > 1e-9) {
            return total < bestTotal;
        }
        return spread(candidate) < spread(best);
    }

    private static double spread(List<Double> lengths) {
        return lengths.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - lengths.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /** Multisets of {@code parts} lengths, in non-increasing order (a continuous rule offers its bounds). */
    private static List<List<Double>> combinations(List<Double> lengths, int parts) {
        List<List<Double>> result = new ArrayList<>();
        collect(lengths, parts, lengths.size() - 1, new ArrayList<>(), result);
        return result;
    }

    private static void collect(List<Double> lengths, int remaining, int maxIndex, List<Double> current, List<List<Double>> result) {
        if (remaining == 0) {
            result.add(List.copyOf(current));
            return;
        }
        for (int i = maxIndex; i >= 0; i--) {
            current.add(lengths.get(i));
            collect(lengths, remaining - 1, i, current, result);
            current.remove(current.size() - 1);
        }
    }

    private TimingPlan plan(String provider, TimingPlan.Kind kind, double narrationSeconds, List<Double> lengths, String prompt, double speed,
                            double holdSeconds) {
        List<TimingPlan.Clip> clips = new ArrayList<>();
        for (int part = 0; part < lengths.size(); part++) {
            String partPrompt = lengths.size() == 1 ? prompt
                    : prompt + " (shot " + (part + 1) + " of " + lengths.size() + ", continuing the same scene)";
            clips.add(new TimingPlan.Clip(part, lengths.get(part), partPrompt));
        }
        return new TimingPlan(provider, kind, narrationSeconds, leadSeconds, tailSeconds, List.copyOf(clips), speed, holdSeconds);
    }
}
