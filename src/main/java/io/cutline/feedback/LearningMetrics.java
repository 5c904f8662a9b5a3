package io.cutline.feedback;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The loop's state as a Prometheus gauge per channel under {@code /observe/metrics}:
 * {@code cutline_feedback_best_arm_objective{channel}}, the expected objective of the channel's best arm
 * now: its best value's posterior mean, averaged over the tested dimensions (0.5 before anything is
 * measured). Read from the ledger at each scrape.
 */
record LearningMetrics(FormatLearner learner, ChannelRegistry channels) {

    /** One gauge for each channel valid at start-up (Micrometer holds the learner weakly; it lives as long as the service). */
    void bindTo(MeterRegistry registry) {
        for (Channel channel : channels.all()) {
            Gauge.builder("cutline.feedback.best.arm.objective", learner, learner -> expected(channel.id()))
                    .tag("channel", channel.id())
                    .description("posterior mean of the objective of the channel's best format arm")
                    .register(registry);
        }
    }

    private double expected(String channelId) {
        return channels.find(channelId).isPresent() ? learner.bestExpected(channelId) : Double.NaN;
    }
}
