package io.cutline.feedback;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;

/**
 * What a channel's measured publications say about its arms: each publication's latest sample
 * counts for the arm its job was given. An arm's posterior rests on its latest {@code window}
 * measured publications (in the order their jobs were given arms), so when the audience's taste
 * changes the arm's posterior follows within that many videos. Samples read before the channel's last
 * reset, or after it was frozen, are left out; so is an arm the channel no longer lists.
 */
record Evidence(Map<String, Posterior> posteriors, Map<String, Double> objectiveByJob) {

    /** How much evidence a video is: its trials in the Beta posterior, and how many of an arm's latest videos count. */
    record Weighing(double trialsPerVideo, int window) {
    }

    private record Observation(String arm, int order, OptionalDouble objective, Double views) {
    }

    static Evidence of(List<String> arms, Map<String, String> armByJob, List<MetricsLedger.Sample> latest, LearningLedger.Switches switches,
                       Objective objective, Weighing weighing) {
        Map<String, Integer> order = new LinkedHashMap<>();
        armByJob.keySet().forEach(job -> order.put(job, order.size()));
        Map<String, Double> objectiveByJob = new LinkedHashMap<>();
        Map<String, List<Observation>> byArm = new LinkedHashMap<>();
        arms.forEach(arm -> byArm.put(arm, new ArrayList<>()));
        for (MetricsLedger.Sample sample : latest) {
            if (!counts(sample.collectedAt(), switches)) {
                continue;
            }
            OptionalDouble value = objective.of(sample.platform(), sample.metrics());
            value.ifPresent(v -> objectiveByJob.merge(sample.jobId(), v, Math::max));
            String arm = armByJob.get(sample.jobId());
            if (arm != null && byArm.containsKey(arm)) {
                byArm.get(arm).add(new Observation(arm, order.get(sample.jobId()), value, sample.metrics().get("views")));
            }
        }
        Map<String, Posterior> posteriors = new LinkedHashMap<>();
        byArm.forEach((arm, observations) -> posteriors.put(arm, posterior(observations, weighing)));
        return new Evidence(posteriors, objectiveByJob);
    }

    private static Posterior posterior(List<Observation> observations, Weighing weighing) {
        List<Observation> measured = observations.stream().filter(observation -> observation.objective().isPresent())
                .sorted(Comparator.comparingInt(Observation::order)).toList();
        Posterior posterior = Posterior.PRIOR;
        for (Observation observation : measured.subList(Math.max(0, measured.size() - weighing.window()), measured.size())) {
            posterior = posterior.withObjective(observation.objective().getAsDouble(), weighing.trialsPerVideo());
        }
        List<Observation> viewed = observations.stream().filter(observation -> observation.views() != null)
                .sorted(Comparator.comparingInt(Observation::order)).toList();
        for (Observation observation : viewed.subList(Math.max(0, viewed.size() - weighing.window()), viewed.size())) {
            posterior = posterior.withViews(observation.views());
        }
        return posterior;
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
