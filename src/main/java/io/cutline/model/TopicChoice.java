package io.cutline.model;

import java.util.List;

/**
 * Why a video is about its topic: the topic's total score, its parts, and the signals it came from.
 * Stored with the brief and shown in the job view.
 */
public record TopicChoice(String topic, double score, Scores scores, List<Signal> signals) {

    public TopicChoice {
        signals = List.copyOf(signals);
    }

    /**
     * Each part 0..1: relevance to the niche and keywords, freshness of the newest signal, momentum
     * (score, rank or view velocity where the source gives one), novelty against what the channel
     * covered within its window, and the channel's predicted-performance prior (neutral 0.5 until
     * the feedback layer sets it).
     */
    public record Scores(double relevance, double freshness, double momentum, double novelty, double prior) {
    }
}
