package io.cutline.feedback;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.StoryLedger;

/**
 * Learned worth of topic keywords: each measured job's objective counts for every keyword of its
 * brief; a keyword's score is that average shrunk toward neutral (0.5) by a prior worth
 * {@code priorVideos} videos, so one lucky video does not make a keyword.
 */
public record KeywordLearning(StoryLedger stories) {

    static final double NEUTRAL = 0.5;

    Map<String, LearningLedger.KeywordScore> scores(Map<String, Double> objectiveByJob, int priorVideos) {
        Map<String, double[]> sums = new HashMap<>();
        objectiveByJob.forEach((jobId, objective) -> stories.brief(jobId).ifPresent(brief -> brief.keywords().stream()
                .map(keyword -> keyword.strip().toLowerCase(Locale.ROOT)).filter(keyword -> !keyword.isEmpty()).distinct()
                .forEach(keyword -> {
                    double[] sum = sums.computeIfAbsent(keyword, key -> new double[2]);
                    sum[0] += objective;
                    sum[1]++;
                })));
        Map<String, LearningLedger.KeywordScore> scores = new TreeMap<>();
        sums.forEach((keyword, sum) -> scores.put(keyword,
                new LearningLedger.KeywordScore((NEUTRAL * priorVideos + sum[0]) / (priorVideos + sum[1]), (int) sum[1])));
        return scores;
    }
}
