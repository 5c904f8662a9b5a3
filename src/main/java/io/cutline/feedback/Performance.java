package io.cutline.feedback;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/channels/{id}/performance}: what the channel's loop has learned and
 * what it would do next. Times are ISO-8601 text, null when never. {@code arms} lists every value of
 * every tested dimension (each dimension is its own bandit). {@code hookVariants}: the latest briefs
 * that shipped hook variants, newest first, with what each variant measured.
 */
public record Performance(String channel, String objective, boolean frozen, String frozenAt, String resetAt, double explorationFloor,
                          List<Arm> arms, Next next, List<Keyword> keywords, List<HookVariants> hookVariants) {

    /**
     * One value of a dimension (e.g. {@code hook-question} of {@code hook}): its Beta posterior, the
     * measured videos it rests on, their average objective (null without any), their average views, and
     * how many briefs were given an arm with it.
     */
    public record Arm(String arm, String dimension, double alpha, double beta, double posteriorMean, int videos, Double observedObjective,
                      double meanViews, int briefs) {
    }

    /**
     * The arm the next brief most likely gets (the likeliest value of each dimension), each value's
     * chance of being picked in its dimension, and the rule that picks.
     */
    public record Next(String arm, Map<String, Double> chance, String why) {
    }

    /** A topic keyword's learned score (0..1, 0.5 neutral) and the measured videos it rests on. */
    public record Keyword(String keyword, double score, int videos) {
    }

    /** A brief's hook variants: {@code job} the brief's own job (variant 1). */
    public record HookVariants(String job, List<HookVariant> variants) {
    }

    /**
     * One hook variant: its job (null until made), hook style, format arm, the one platform it went to
     * (null: all of the channel's), its objective (the best of its publications' latest samples) and
     * its views summed over its publications, each null until measured.
     */
    public record HookVariant(int number, String job, String hookStyle, String arm, String platform, Double observedObjective, Double views) {
    }
}
