package io.cutline.feedback;

import io.cutline.channel.ChannelRegistry;
import io.cutline.config.Settings;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.MetricsLedger;
import io.cutline.ledger.StoryLedger;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * The feedback loop (routes/feedback.yaml; the metrics it learns from are collected by distribution):
 * the per-channel learner of format arms and topic keywords, and its gauge.
 */
public class FeedbackConfiguration implements CamelConfiguration {

    @BindToRegistry
    public FormatLearner formatLearner(ChannelRegistry channels, JobLedger jobs, MetricsLedger metrics, LearningLedger learning,
                                       HookLedger hooks, StoryLedger stories, Settings settings) {
        Objective objective = Objective.parse(settings.text("cutline.feedback.objective.metric"), settings.text("cutline.feedback.objective.full"),
                "cutline.feedback.objective.full");
        return new FormatLearner(channels, jobs, metrics, learning, hooks, new KeywordLearning(stories),
                new FormatLearner.Policy(objective, new Evidence.Weighing(settings.decimal("cutline.feedback.trials-per-video"),
                        settings.integer("cutline.feedback.window-videos")), settings.decimal("cutline.feedback.exploration-floor"),
                        settings.integer("cutline.feedback.keyword-prior-videos"), settings.integer("cutline.feedback.seed")));
    }

    /** The best-arm gauges join Camel's meter registry once it exists. */
    @Override
    public void configure(CamelContext context) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            MeterRegistry meters = alreadyStarted ? null
                    : started.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            if (meters != null) {
                new LearningMetrics(started.getRegistry().findSingleByType(FormatLearner.class),
                        started.getRegistry().findSingleByType(ChannelRegistry.class)).bindTo(meters);
            }
        });
    }
}
