package io.cutline.feedback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;

/**
 * The feedback loop's learner, per channel: gives each new brief a format arm, one value of each
 * dimension the channel tests, each dimension picked by its own Thompson sampling over its values'
 * posteriors ({@link ArmChoice}; independent bandits need far fewer videos than one over every
 * combination), learns topic keyword scores from the measured videos
 * ({@link KeywordLearning}), and explains itself ({@link Performance}). Everything it decides or learns
 * is in the ledger; the posteriors are recomputed from the stored metrics, so they are never out of step.
 */
public class FormatLearner {

    /** Draws used to estimate each value's chance of being picked next (a fixed seed: the same state explains itself the same way). */
    private static final int PREVIEW_DRAWS = 2000;

    /** How many of a channel's latest briefs with hook variants its performance view shows. */
    private static final int HOOK_VARIANT_BRIEFS_SHOWN = 20;

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
    private final HookLedger hooks;
    private final KeywordLearning keywords;
    private final Policy policy;
    private final Random random;

    public FormatLearner(ChannelRegistry channels, JobLedger jobs, MetricsLedger metrics, LearningLedger learning, HookLedger hooks,
                         KeywordLearning keywords, Policy policy) {
        this.channels = channels;
        this.jobs = jobs;
        this.metrics = metrics;
        this.learning = learning;
        this.hooks = hooks;
        this.keywords = keywords;
        this.policy = policy;
        this.random = new Random(policy.seed());
    }

    /** The job's arm: the one it was given, or a new choice, recorded with why. */
    public synchronized String choose(String jobId) {
        return learning.arm(jobId).map(LearningLedger.ArmChoice::arm).orElseGet(() -> {
            Channel channel = channels.require(jobs.require(jobId).channelId());
            boolean frozen = learning.switches(channel.id()).frozen();
            List<String> values = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            evidence(channel).dimensions().forEach((dimension, posteriors) -> {
                ArmChoice choice = ArmChoice.pick(posteriors, frozen, policy.explorationFloor(), random);
                values.add(choice.value());
                reasons.add(dimension + ": " + choice.reason() + (choice.draws().isEmpty() ? "" : "; draws " + rounded(choice.draws())));
            });
            String arm = Channel.Testing.arm(values);
            learning.chooseArm(jobId, channel.id(), arm, String.join(" | ", reasons));
            return arm;
        });
    }

    /**
     * For a channel that ships hook variants ({@code testing.hookVariants}), plans the job's: number 1
     * is the job with the arm it was given, each other takes the best (by posterior mean) of the hook
     * styles not taken yet, the job's other arm values kept, and the platform the channel's spread rule
     * gives it. Each variant's metrics then count for its own hook style. A job that has a plan keeps it.
     */
    public synchronized void planHookVariants(String jobId) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        Channel.Testing testing = channel.testing();
        int count = testing.variantCount();
        if (count < 2 || !hooks.variants(jobId).isEmpty()) {
            return;
        }
        String arm = choose(jobId);
        String own = testing.hookStyle(arm).orElseThrow(() -> new IllegalStateException("arm " + arm + " of job " + jobId + " has no hook style"));
        Map<String, Posterior> posteriors = evidence(channel).dimensions().get(Channel.Testing.HOOK);
        List<String> others = posteriors.keySet().stream().filter(value -> !value.equals(Channel.Testing.HOOK + "-" + own))
                .sorted((a, b) -> Double.compare(posteriors.get(b).mean(), posteriors.get(a).mean())).limit(count - 1L).toList();
        List<HookLedger.Variant> variants = new ArrayList<>();
        variants.add(new HookLedger.Variant(jobId, 1, jobId, own, arm, "the brief's own arm, variant 1 of " + count,
                platform(testing, 1, channel)));
        for (String value : others) {
            int number = variants.size() + 1;
            String style = value.substring(Channel.Testing.HOOK.length() + 1);
            Posterior posterior = posteriors.get(value);
            variants.add(new HookLedger.Variant(jobId, number, null, style, testing.withHookStyle(arm, style), String.format(Locale.ROOT,
                    "hook variant %d of %d of job %s: the best hook style not taken yet (posterior mean %.3f over %d videos)", number, count,
                    jobId, posterior.mean(), posterior.videos()), platform(testing, number, channel)));
        }
        hooks.plan(variants);
    }

    private static String platform(Channel.Testing testing, int number, Channel channel) {
        return testing.hookVariants().platformOf(number, channel.platforms()).orElse(null);
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
        learning.arms(channelId).values().forEach(arm -> Channel.Testing.values(arm).forEach(value -> briefs.merge(value, 1, Integer::sum)));
        List<Performance.Arm> arms = new ArrayList<>();
        evidence.dimensions().forEach((dimension, posteriors) -> posteriors.forEach((value, posterior) ->
                arms.add(new Performance.Arm(value, dimension, round(posterior.alpha()), round(posterior.beta()), round(posterior.mean()),
                        posterior.videos(), posterior.videos() == 0 ? null : round(posterior.observed()), round(posterior.meanViews()),
                        briefs.getOrDefault(value, 0)))));
        List<Performance.Keyword> learned = learning.keywordScores(channelId).entrySet().stream()
                .map(entry -> new Performance.Keyword(entry.getKey(), round(entry.getValue().score()), entry.getValue().videos())).toList();
        return new Performance(channelId, policy.objective().metric() + " normalised per platform " + policy.objective().fullMarks(),
                switches.frozen(), text(switches.frozenAt()), text(switches.resetAt()), policy.explorationFloor(), arms,
                next(evidence, switches.frozen()), learned, hookVariants(channelId, evidence));
    }

    /** The channel's latest briefs with hook variants, newest first, each variant with what its publications measured. */
    private List<Performance.HookVariants> hookVariants(String channelId, Evidence evidence) {
        Map<String, Double> views = new HashMap<>();
        metrics.latest(channelId).forEach(sample -> {
            Double viewed = sample.metrics().get("views");
            if (viewed != null) {
                views.merge(sample.jobId(), viewed, Double::sum);
            }
        });
        return hooks.briefs(channelId, HOOK_VARIANT_BRIEFS_SHOWN).stream().map(original -> new Performance.HookVariants(original,
                hooks.variants(original).stream().map(variant -> {
                    Double objective = variant.jobId() == null ? null : evidence.objectiveByJob().get(variant.jobId());
                    return new Performance.HookVariant(variant.number(), variant.jobId(), variant.hookStyle(), variant.arm(), variant.platform(),
                            objective == null ? null : round(objective), variant.jobId() == null ? null : views.get(variant.jobId()));
                }).toList())).toList();
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

    /**
     * The gauge: the best arm's expected objective, taken as the average over the tested dimensions of
     * each one's best posterior mean (with one dimension, its best value's posterior mean).
     */
    public double bestExpected(String channelId) {
        return evidence(channels.require(channelId)).dimensions().values().stream()
                .mapToDouble(posteriors -> posteriors.get(ArmChoice.best(posteriors)).mean()).average().orElseThrow();
    }

    private Performance.Next next(Evidence evidence, boolean frozen) {
        Map<String, Double> chance = new LinkedHashMap<>();
        List<String> likeliest = new ArrayList<>();
        evidence.dimensions().values().forEach(posteriors -> {
            Map<String, Double> ofValues = new LinkedHashMap<>();
            posteriors.keySet().forEach(value -> ofValues.put(value, 0.0));
            Random preview = new Random(policy.seed());
            for (int i = 0; i < PREVIEW_DRAWS; i++) {
                ofValues.merge(ArmChoice.pick(posteriors, frozen, policy.explorationFloor(), preview).value(), 1.0 / PREVIEW_DRAWS, Double::sum);
            }
            ofValues.replaceAll((value, p) -> round(p));
            likeliest.add(Collections.max(ofValues.entrySet(), Map.Entry.comparingByValue()).getKey());
            chance.putAll(ofValues);
        });
        return new Performance.Next(Channel.Testing.arm(likeliest), chance, why(evidence, frozen));
    }

    private String why(Evidence evidence, boolean frozen) {
        if (evidence.dimensions().values().stream().allMatch(posteriors -> posteriors.size() == 1)) {
            return ArmChoice.ONLY_ARM;
        }
        String rule = frozen ? "learning is frozen: the arm with the best posterior mean, every time"
                : String.format(Locale.ROOT, "Thompson sampling: each arm is picked with the chance its posterior draw is the highest; "
                + "%.0f%% of briefs take an arm at random (exploration floor)", policy.explorationFloor() * 100);
        return evidence.dimensions().size() == 1 ? rule
                : rule + "; each dimension (" + String.join(", ", evidence.dimensions().keySet()) + ") is its own bandit, learned from every "
                + "video that used its value, and the arm is the values picked in all of them";
    }

    private Evidence evidence(Channel channel) {
        return Evidence.of(channel.testing().dimensions(), learning.arms(channel.id()), metrics.latest(channel.id()), learning.switches(channel.id()),
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
