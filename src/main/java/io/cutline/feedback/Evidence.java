package io.cutline.feedback;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.cutline.channel.Channel;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;

/**
 * What a channel's measured publications say about the values of its format dimensions: each
 * publication's latest sample counts, in every dimension, for the value its job's arm used there (a
 * video of {@code length-45s+hook-question} counts for {@code length-45s} and for {@code hook-question}),
 * so each dimension is learned from every video rather than each combination from its own few. A
 * value's posterior rests on its latest {@code window} measured publications (in the order their jobs
 * were given arms), so when the audience's taste changes the posterior follows within that many
 * videos. Samples read before the channel's last reset, or after it was frozen, are left out; so is a
 * value the channel no longer lists.
 */
record Evidence(Map<String, Map<String, Posterior>> dimensions, Map<String, Double> objectiveByJob) {

    /** How much evidence a video is: its trials in the Beta posterior, and how many of an arm's latest videos count. */
    record Weighing(double trialsPerVideo, int window) {
    }

    private record Observation(int order, OptionalDouble objective, Double views) {
    }

    static Evidence of(Map<String, List<String>> dimensions, Map<String, String> armByJob, List<MetricsLedger.Sample> latest,
                       LearningLedger.Switches switches, Objective objective, Weighing weighing) {
        Map<String, Integer> order = new LinkedHashMap<>();
        armByJob.keySet().forEach(job -> order.put(job, order.size()));
        Map<String, Double> objectiveByJob = new LinkedHashMap<>();
        Map<String, List<Observation>> byValue = new LinkedHashMap<>();
        dimensions.values().forEach(values -> values.forEach(value -> byValue.put(value, new ArrayList<>())));
        for (MetricsLedger.Sample sample : latest) {
            if (!counts(sample.collectedAt(), switches)) {
                continue;
            }
            OptionalDouble value = objective.of(sample.platform(), sample.metrics());
            value.ifPresent(v -> objectiveByJob.merge(sample.jobId(), v, Math::max));
            String arm = armByJob.get(sample.jobId());
            if (arm == null) {
                continue;
            }
            Observation observation = new Observation(order.get(sample.jobId()), value, sample.metrics().get("views"));
            Channel.Testing.values(arm).stream().filter(byValue::containsKey).forEach(used -> byValue.get(used).add(observation));
        }
        Map<String, Map<String, Posterior>> posteriors = new LinkedHashMap<>();
        dimensions.forEach((dimension, values) -> {
            Map<String, Posterior> ofValues = new LinkedHashMap<>();
            values.forEach(used -> ofValues.put(used, posterior(byValue.get(used), weighing)));
            posteriors.put(dimension, ofValues);
        });
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
}
