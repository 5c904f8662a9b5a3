package io.cutline.feedback;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;

/**
 * What a channel's measured publications say about its arms: each publication's latest sample
 * counts once for the arm its job was given. Samples read before the channel's last reset, or after it
 * was frozen, are left out; an arm the channel no longer lists is left out too.
 */
record Evidence(Map<String, Posterior> posteriors, Map<String, Double> objectiveByJob) {

    static Evidence of(List<String> arms, Map<String, String> armByJob, List<MetricsLedger.Sample> latest, LearningLedger.Switches switches,
                       Objective objective) {
        Map<String, Posterior> posteriors = new LinkedHashMap<>();
        arms.forEach(arm -> posteriors.put(arm, Posterior.PRIOR));
        Map<String, Double> objectiveByJob = new LinkedHashMap<>();
        for (MetricsLedger.Sample sample : latest) {
            String arm = armByJob.get(sample.jobId());
            if (!counts(sample.collectedAt(), switches)) {
                continue;
            }
            OptionalDouble value = objective.of(sample.platform(), sample.metrics());
            value.ifPresent(v -> objectiveByJob.merge(sample.jobId(), v, Math::max));
            if (arm == null || !posteriors.containsKey(arm)) {
                continue;
            }
            Posterior posterior = posteriors.get(arm);
            if (value.isPresent()) {
                posterior = posterior.withObjective(value.getAsDouble());
            }
            Double views = sample.metrics().get("views");
            if (views != null) {
                posterior = posterior.withViews(views);
            }
            posteriors.put(arm, posterior);
        }
        return new Evidence(posteriors, objectiveByJob);
    }

    private static boolean counts(OffsetDateTime collectedAt, LearningLedger.Switches switches) {
        return (switches.resetAt() == null || collectedAt.isAfter(switches.resetAt()))
                && (!switches.frozen() || switches.frozenAt() == null || !collectedAt.isAfter(switches.frozenAt()));
    }

    /** The arm with the highest posterior mean, more views breaking a tie. */
    String best() {
        return posteriors.entrySet().stream().max((a, b) -> {
            int byMean = Double.compare(a.getValue().mean(), b.getValue().mean());
            return byMean != 0 ? byMean : Double.compare(a.getValue().meanViews(), b.getValue().meanViews());
        }).orElseThrow().getKey();
    }
}
