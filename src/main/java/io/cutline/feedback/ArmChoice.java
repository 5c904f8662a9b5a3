package io.cutline.feedback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How the next brief's value in one format dimension is picked from that dimension's posteriors (each
 * dimension is its own bandit; the brief's arm is the values picked in all of them): a frozen channel
 * takes the best value; else, with the exploration floor's probability, a value at random; else
 * Thompson sampling (one draw from each posterior, the highest wins; draws within {@link #TIE} of
 * each other go to the value with more views).
 */
record ArmChoice(String value, String reason, Map<String, Double> draws) {

    static final String ONLY_ARM = "the only arm the channel lists";

    /** Draws closer than this are a tie, broken by views. */
    static final double TIE = 0.005;

    static ArmChoice pick(Map<String, Posterior> posteriors, boolean frozen, double explorationFloor, Random random) {
        if (posteriors.size() == 1) {
            return new ArmChoice(posteriors.keySet().iterator().next(), ONLY_ARM, Map.of());
        }
        if (frozen) {
            String best = best(posteriors);
            return new ArmChoice(best, String.format(Locale.ROOT, "learning is frozen: the best posterior mean (%.3f)", posteriors.get(best).mean()),
                    Map.of());
        }
        if (random.nextDouble() < explorationFloor) {
            String value = posteriors.keySet().stream().toList().get(random.nextInt(posteriors.size()));
            return new ArmChoice(value, String.format(Locale.ROOT, "exploration floor: an arm at random (probability %.2f)", explorationFloor),
                    Map.of());
        }
        Map<String, Double> draws = new LinkedHashMap<>();
        posteriors.forEach((value, posterior) -> draws.put(value, posterior.sample(random)));
        String winner = null;
        for (String value : draws.keySet()) {
            if (winner == null || beats(value, winner, draws, posteriors)) {
                winner = value;
            }
        }
        return new ArmChoice(winner, String.format(Locale.ROOT, "Thompson sampling: its draw %.3f was the highest (posterior mean %.3f over %d videos)",
                draws.get(winner), posteriors.get(winner).mean(), posteriors.get(winner).videos()), draws);
    }

    /** The value with the highest posterior mean, more views breaking a tie. */
    static String best(Map<String, Posterior> posteriors) {
        return posteriors.entrySet().stream().max((a, b) -> {
            int byMean = Double.compare(a.getValue().mean(), b.getValue().mean());
            return byMean != 0 ? byMean : Double.compare(a.getValue().meanViews(), b.getValue().meanViews());
        }).orElseThrow().getKey();
    }

    private static boolean beats(String value, String winner, Map<String, Double> draws, Map<String, Posterior> posteriors) {
        double difference = draws.get(value) - draws.get(winner);
        if (Math.abs(difference) < TIE) {
            return posteriors.get(value).meanViews() > posteriors.get(winner).meanViews();
        }
        return difference > 0;
    }
}
