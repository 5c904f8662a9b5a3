package io.cutline.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hidden truth behind the platforms' metrics, which tests set: each video belongs to an arm
 * ({@link #video}), each arm has a true average view percentage and views ({@link #truth}), and the
 * metrics served are that truth with noise drawn from the seed and the video id (the same video
 * answers the same while its arm's truth stands). A lagging video ({@link #lag}) has live counters
 * (views, likes, comments) but no analytics row yet, as YouTube's analytics lag 1–3 days.
 */
public final class Audience {

    /** An arm's true mean: average view percentage (0–100) and views. */
    public record Truth(double viewPercentage, double views) {
    }

    private static final double PERCENT_NOISE = 6;
    private static final double VIEWS_NOISE = 0.3;

    private final long seed;
    private final Map<String, String> arms = new ConcurrentHashMap<>();
    private final Map<String, Truth> truths = new ConcurrentHashMap<>();
    private final Set<String> lagging = ConcurrentHashMap.newKeySet();

    Audience(long seed) {
        this.seed = seed;
    }

    /** Sets (or replaces, mid-run) an arm's truth. */
    public void truth(String arm, double viewPercentage, double views) {
        truths.put(arm, new Truth(viewPercentage, views));
    }

    /** Says which arm a video (a platform's video id) belongs to. */
    public void video(String videoId, String arm) {
        arms.put(videoId, arm);
    }

    /** Holds back (or releases) the video's analytics: its counters stay live. */
    public void lag(String videoId, boolean held) {
        if (held) {
            lagging.add(videoId);
        } else {
            lagging.remove(videoId);
        }
    }

    /** What the analytics say about the video: empty for an unknown video, one of an arm without truth, or a lagging one. */
    Optional<Map<String, Double>> analytics(String videoId) {
        return lagging.contains(videoId) ? Optional.empty() : measured(videoId);
    }

    /** The live counters (views, likes, comments, shares): empty for an unknown video. */
    Optional<Map<String, Double>> counters(String videoId) {
        return measured(videoId).map(metrics -> Map.of("views", metrics.get("views"), "likes", metrics.get("likes"),
                "comments", metrics.get("comments"), "shares", metrics.get("shares")));
    }

    private Optional<Map<String, Double>> measured(String videoId) {
        String arm = arms.get(videoId);
        Truth truth = arm == null ? null : truths.get(arm);
        if (truth == null) {
            return Optional.empty();
        }
        Random noise = new Random(seed * 31 + videoId.hashCode());
        double percent = Math.max(1, Math.min(100, truth.viewPercentage() + noise.nextGaussian() * PERCENT_NOISE));
        double views = Math.max(0, Math.round(truth.views() * Math.exp(noise.nextGaussian() * VIEWS_NOISE)));
        return Optional.of(Map.of("views", views, "averageViewPercentage", Math.round(percent * 100) / 100.0,
                "averageViewDuration", Math.round(percent * 0.3 * 10) / 10.0, "estimatedMinutesWatched", Math.round(views * percent * 0.3 / 6000.0) * 1.0,
                "likes", Math.floor(views * 0.04), "comments", Math.floor(views * 0.004), "shares", Math.floor(views * 0.002),
                "subscribersGained", Math.floor(views * 0.001)));
    }
}
