package io.cutline.feedback;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;

/**
 * The feedback loop's learner, per channel: gives each new brief a format arm (Thompson sampling over
 * the arms' posteriors, {@link ArmChoice}), learns topic keyword scores from the measured videos
 * ({@link KeywordLearning}), and explains itself ({@link Performance}). Everything it decides or learns
 * is in the ledger; the posteriors are recomputed from the stored metrics, so they are never out of step.
 */
public class FormatLearner {

    /** Draws used to estimate each arm's chance of being picked next (a fixed seed: the same state explains itself the same way). */
    private static final int PREVIEW_DRAWS = 2000;

    /** The knobs: the objective, how much a video weighs, the exploration floor, the keyword prior's weight (in videos) and the RNG seed. */
    public record Policy(Objective objective, Evidence.Weighing weighing, double explorationFloor, int keywordPriorVideos, long seed) {
        public Policy {
            if (explorationFloor < 0 || explorationFloor > 1) {
                throw new IllegalStateException("property cutline.feedback.exploration-floor must be 0 to 1, got " + explorationFloor);
            }
        }
    }

    private final ChannelRegistry channels;
    private final JobLedger jobs;
    private final MetricsLedger metrics;
    private final LearningLedger learning;
    private final KeywordLearning keywords;
    private final Policy policy;
    private final Random random;

    public FormatLearner(ChannelRegistry channels, JobLedger jobs, MetricsLedger metrics, LearningLedger learning, KeywordLearning keywords,
                         Policy policy) {
        this.channels = channels;
        this.jobs = jobs;
        this.metrics = metrics;
        this.learning = learning;
        this.keywords = keywords;
        this.policy = policy;
        this.random = new Random(policy.seed());
    }

    /** The job's arm: the one it was given, or a new choice, recorded with why. */
    public synchronized String choose(String jobId) {
        return learning.arm(jobId).map(LearningLedger.ArmChoice::arm).orElseGet(() -> {
            Channel channel = channels.require(jobs.require(jobId).channelId());
            ArmChoice choice = ArmChoice.pick(evidence(channel), learning.switches(channel.id()).frozen(), policy.explorationFloor(), random);
            String draws = choice.draws().isEmpty() ? "" : "; draws " + rounded(choice.draws());
            learning.chooseArm(jobId, channel.id(), choice.arm(), choice.reason() + draws);
            return choice.arm();
        });
    }

    /** Learns every channel's keyword scores from what is measured now (a frozen channel keeps its own). */
    public void learnAll() {
        channels.all().forEach(channel -> learn(channel.id()));
    }

    void learn(String channelId) {
        if (learning.switches(channelId).frozen()) {
            return;
        }
        learning.keywordScores(channelId, keywords.scores(evidence(channels.require(channelId)).objectiveByJob(), policy.keywordPriorVideos()));
    }

    public Performance performance(String channelId) {
        Channel channel = channels.require(channelId);
        LearningLedger.Switches switches = learning.switches(channelId);
        Evidence evidence = evidence(channel);
        Map<String, Integer> briefs = new HashMap<>();
        learning.arms(channelId).values().forEach(arm -> briefs.merge(arm, 1, Integer::sum));
        List<Performance.Arm> arms = evidence.posteriors().entrySet().stream().map(entry -> {
            Posterior posterior = entry.getValue();
            return new Performance.Arm(entry.getKey(), round(posterior.alpha()), round(posterior.beta()), round(posterior.mean()), posterior.videos(),
                    posterior.videos() == 0 ? null : round(posterior.observed()), round(posterior.meanViews()), briefs.getOrDefault(entry.getKey(), 0));
        }).toList();
        List<Performance.Keyword> learned = learning.keywordScores(channelId).entrySet().stream()
                .map(entry -> new Performance.Keyword(entry.getKey(), round(entry.getValue().score()), entry.getValue().videos())).toList();
        return new Performance(channelId, policy.objective().metric() + " normalised per platform " + policy.objective().fullMarks(),
                switches.frozen(), text(switches.frozenAt()), text(switches.resetAt()), policy.explorationFloor(), arms,
                next(evidence, switches.frozen()), learned);
    }

    /** Freezes or thaws the channel's learning; the performance view after it. */
    public Performance freeze(String channelId, boolean frozen) {
        channels.require(channelId);
        learning.freeze(channelId, frozen);
        return performance(channelId);
    }

    /** Forgets what the channel learned (its arms start from the prior again); the performance view after it. */
    public Performance reset(String channelId) {
        channels.require(channelId);
        learning.reset(channelId);
        return performance(channelId);
    }

    /** The posterior mean of the channel's best arm (the gauge). */
    public double bestExpected(String channelId) {
        Evidence evidence = evidence(channels.require(channelId));
        return evidence.posteriors().get(evidence.best()).mean();
    }

    private Performance.Next next(Evidence evidence, boolean frozen) {
        Map<String, Double> chance = new LinkedHashMap<>();
        evidence.posteriors().keySet().forEach(arm -> chance.put(arm, 0.0));
        Random preview = new Random(policy.seed());
        for (int i = 0; i < PREVIEW_DRAWS; i++) {
            chance.merge(ArmChoice.pick(evidence, frozen, policy.explorationFloor(), preview).arm(), 1.0 / PREVIEW_DRAWS, Double::sum);
        }
        chance.replaceAll((arm, p) -> round(p));
        String likeliest = Collections.max(chance.entrySet(), Map.Entry.comparingByValue()).getKey();
        String why = chance.size() == 1 ? ArmChoice.ONLY_ARM : frozen ? "learning is frozen: the arm with the best posterior mean, every time"
                : String.format(Locale.ROOT, "Thompson sampling: each arm is picked with the chance its posterior draw is the highest; "
                + "%.0f%% of briefs take an arm at random (exploration floor)", policy.explorationFloor() * 100);
        return new Performance.Next(likeliest, chance, why);
    }

    private Evidence evidence(Channel channel) {
        return Evidence.of(channel.testing().arms(), learning.arms(channel.id()), metrics.latest(channel.id()), learning.switches(channel.id()),
                policy.objective(), policy.weighing());
    }

    private static String rounded(Map<String, Double> draws) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        draws.forEach((arm, draw) -> rounded.put(arm, round(draw)));
        return rounded.toString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String text(Object time) {
        return time == null ? null : time.toString();
    }
}
