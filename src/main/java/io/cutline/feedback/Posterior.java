package io.cutline.feedback;

import java.util.Random;

/**
 * One arm's Beta posterior over its objective (0..1): a uniform Beta(1, 1) prior, each measured
 * publication adding its objective (times its trials) to alpha and the rest to beta, so the mean is
 * the smoothed average objective. Also keeps the observed average and the views (the tiebreak).
 */
record Posterior(double alpha, double beta, int videos, double objectiveSum, int viewed, double viewsSum) {

    static final Posterior PRIOR = new Posterior(1, 1, 0, 0, 0, 0);

    /** One more measured video, counting as {@code trials} Bernoulli trials of which its objective succeeded. */
    Posterior withObjective(double objective, double trials) {
        return new Posterior(alpha + trials * objective, beta + trials * (1 - objective), videos + 1, objectiveSum + objective, viewed,
                viewsSum);
    }

    Posterior withViews(double views) {
        return new Posterior(alpha, beta, videos, objectiveSum, viewed + 1, viewsSum + views);
    }

    double mean() {
        return alpha / (alpha + beta);
    }

    /** The observed average objective, or NaN without measured videos. */
    double observed() {
        return videos == 0 ? Double.NaN : objectiveSum / videos;
    }

    double meanViews() {
        return viewed == 0 ? 0 : viewsSum / viewed;
    }

    /** A draw from Beta(alpha, beta): X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
    double sample(Random random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's method (shape below 1 boosted by U^(1/shape)). */
    private static double gamma(double shape, Random random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
