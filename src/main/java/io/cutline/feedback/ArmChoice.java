package io.cutline.feedback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How the next brief's arm is picked from the posteriors: a frozen channel takes its best arm; else,
 * with the exploration floor's probability, an arm at random; else Thompson sampling (one draw from
 * each posterior, the highest wins; draws within {@link #TIE} of each other go to the arm with more views).
 */
record ArmChoice(String arm, String reason, Map<String, Double> draws) {

    static final String ONLY_ARM = "the only arm the channel lists";

    /** Draws closer than this are a tie, broken by views. */
    static final double TIE = 0.005;

    static ArmChoice pick(Evidence evidence, boolean frozen, double explorationFloor, Random random) {
        Map<String, Posterior> posteriors = evidence.posteriors();
        if (posteriors.size() == 1) {
            return new ArmChoice(posteriors.keySet().iterator().next(), ONLY_ARM, Map.of());
        }
        if (frozen) {
            String best = evidence.best();
            return new ArmChoice(best, String.format(Locale.ROOT, "learning is frozen: the best posterior mean (%.3f)", posteriors.get(best).mean()),
                    Map.of());
        }
        if (random.nextDouble() < explorationFloor) {
            String arm = posteriors.keySet().stream().toList().get(random.nextInt(posteriors.size()));
            return new ArmChoice(arm, String.format(Locale.ROOT, "exploration floor: an arm at random (probability %.2f)", explorationFloor),
                    Map.of());
        }
        Map<String, Double> draws = new LinkedHashMap<>();
        posteriors.forEach((arm, posterior) -> draws.put(arm, posterior.sample(random)));
        String winner = null;
        for (String arm : draws.keySet()) {
            if (winner == null || beats(arm, winner, draws, posteriors)) {
                winner = arm;
            }
        }
        return new ArmChoice(winner, String.format(Locale.ROOT, "Thompson sampling: its draw %.3f was the highest (posterior mean %.3f over %d videos)",
                draws.get(winner), posteriors.get(winner).mean(), posteriors.get(winner).videos()), draws);
    }

    private static boolean beats(String arm, String winner, Map<String, Double> draws, Map<String, Posterior> posteriors) {
        double difference = draws.get(arm) - draws.get(winner);
        if (Math.abs(difference) < TIE) {
            return posteriors.get(arm).meanViews() > posteriors.get(winner).meanViews();
        }
        return difference > 0;
    }
}
