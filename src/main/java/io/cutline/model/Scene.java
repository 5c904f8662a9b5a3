package io.cutline.model;

import java.util.List;

import io.cutline.timing.TimingPlan;

/**
 * A scene of a job as the ledger holds it: its lines, its style, its timing plan once planned, and
 * the keys of its generated clips by part (one per planned clip once all are made).
 */
public record Scene(String jobId, int index, String narration, String visualPrompt, String style, TimingPlan plan,
                    List<String> clipKeys) {

    /** The style of the scenes a video is remembered by (its hook); worth the best generator. */
    public static final String HERO = "hero";
    /** The style of supporting footage: the cheapest generator (or the operator's own library) will do. */
    public static final String BROLL = "broll";

    /** Whether every clip of the plan has been made. */
    public boolean fullyGenerated() {
        return plan != null && clipKeys.size() == plan.clips().size() && clipKeys.stream().allMatch(key -> key != null);
    }
}
