package io.cutline.assembly;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a long video's shorts are cut: runs of consecutive whole scenes lasting between a minimum
 * and a maximum, none overlapping another. As many as asked for when the video allows it; among
 * the choices that give the most, the one whose runs hold the hook (the first scene) and the most
 * hero scenes; among equals, the runs that start earliest, then the longest. Always the same cuts for
 * the same scenes.
 */
public final class ShortCuts {

    /** One scene of the long video: where it sits on the time line and whether it is a hero scene. */
    public record SceneLength(double start, double end, boolean hero) {
        double seconds() {
            return end - start;
        }
    }

    /** A cut: scenes {@code firstScene} to {@code lastScene} (inclusive), from {@code startSeconds} to {@code endSeconds} of the long video. */
    public record Cut(int firstScene, int lastScene, double startSeconds, double endSeconds) {
        public double seconds() {
            return endSeconds - startSeconds;
        }
    }

    /** The cuts in time-line order, and why there are fewer than asked for (empty when there are not). */
    public record Plan(List<Cut> cuts, Optional<String> shortfall) {
    }

    /** The worth of a hook in a cut against hero scenes: a cut with the hook beats one with more heroes. */
    private static final int HOOK_WORTH = 1000;

    private ShortCuts() {
    }

    public static Plan choose(List<SceneLength> scenes, int count, double minSeconds, double maxSeconds) {
        Choice[][] best = new Choice[scenes.size() + 1][count + 1];
        for (int from = scenes.size(); from >= 0; from--) {
            for (int left = 0; left <= count; left++) {
                best[from][left] = bestFrom(scenes, best, from, left, minSeconds, maxSeconds);
            }
        }
        List<Cut> cuts = best[0][count].cuts();
        return new Plan(cuts, cuts.size() < count ? Optional.of(shortfall(scenes, count, cuts.size(), minSeconds, maxSeconds)) : Optional.empty());
    }

    /** The best cuts among scenes {@code from} on with {@code left} still to make: skip scene {@code from}, or start a cut there. */
    private static Choice bestFrom(List<SceneLength> scenes, Choice[][] best, int from, int left, double minSeconds, double maxSeconds) {
        if (from == scenes.size() || left == 0) {
            return Choice.NONE;
        }
        Choice chosen = best[from + 1][left];
        for (int last = from; last < scenes.size(); last++) {
            double seconds = scenes.get(last).end() - scenes.get(from).start();
            if (seconds > maxSeconds + 1e-9) {
                break;
            }
            if (seconds >= minSeconds - 1e-9) {
                Choice taken = best[last + 1][left - 1].after(new Cut(from, last, scenes.get(from).start(), scenes.get(last).end()),
                        worth(scenes, from, last));
                if (taken.beats(chosen)) {
                    chosen = taken;
                }
            }
        }
        return chosen;
    }

    private static int worth(List<SceneLength> scenes, int first, int last) {
        int heroes = 0;
        for (int i = first; i <= last; i++) {
            heroes += scenes.get(i).hero() ? 1 : 0;
        }
        return (first == 0 ? HOOK_WORTH : 0) + heroes;
    }

    private static String shortfall(List<SceneLength> scenes, int count, int made, double minSeconds, double maxSeconds) {
        String band = String.format(Locale.ROOT, "%.0f-%.0f s", minSeconds, maxSeconds);
        double total = scenes.isEmpty() ? 0 : scenes.get(scenes.size() - 1).end() - scenes.get(0).start();
        String why;
        if (total < minSeconds) {
            why = String.format(Locale.ROOT, "the whole video is %.1f s, shorter than a short may be", total);
        } else if (made == 0) {
            why = "no run of whole consecutive scenes lasts " + band + " (scenes of "
                    + String.join(", ", scenes.stream().map(scene -> String.format(Locale.ROOT, "%.1f", scene.seconds())).toList()) + " s)";
        } else {
            why = String.format(Locale.ROOT, "its %d scenes (%.1f s) hold no more runs of whole consecutive scenes of %s that do not overlap",
                    scenes.size(), total, band);
        }
        return "asked for " + count + " shorts of " + band + ", made " + made + ": " + why;
    }

    /** Cuts chosen so far (in time-line order) and their worth. */
    private record Choice(List<Cut> cuts, int worth) {
        static final Choice NONE = new Choice(List.of(), 0);

        Choice after(Cut cut, int cutWorth) {
            List<Cut> all = new ArrayList<>();
            all.add(cut);
            all.addAll(cuts);
            return new Choice(List.copyOf(all), worth + cutWorth);
        }

        /**
         * More cuts; then more worth; then the earlier first cut. On a full tie this one wins, and as the runs
         * from one scene are tried shortest first, the longest of equal worth is kept.
         */
        boolean beats(Choice other) {
            if (cuts.size() != other.cuts.size()) {
                return cuts.size() > other.cuts.size();
            }
            if (worth != other.worth) {
                return worth > other.worth;
            }
            return !cuts.isEmpty() && (other.cuts.isEmpty() || cuts.get(0).firstScene() <= other.cuts.get(0).firstScene());
        }
    }
}
