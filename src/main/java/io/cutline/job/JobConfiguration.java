package io.cutline.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.writer.StoryRules;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.TypeConverterSupport;

/** How jobs enter (routes/intake.yaml), move from step to step, and give up their leases on shutdown. */
public class JobConfiguration implements CamelConfiguration {

    @BindToRegistry
    public JobIntake jobIntake(ChannelRegistry channels, JobLedger jobs, StoryLedger stories) {
        return new JobIntake(channels, jobs, stories);
    }

    @BindToRegistry
    public CallerStories callerStories(StoryRules rules, ObjectMapper json) {
        return new CallerStories(rules, json);
    }

    @BindToRegistry
    public JobSteps jobSteps(JobLedger jobs, StepLog stepLog) {
        return new JobSteps(jobs, stepLog);
    }

    /**
     * Bound here, after the ledger's configuration: Camel orders a configuration's beans only one
     * level deep, so a ledger bean made of ledger beans made of the database could come too early.
     */
    @BindToRegistry
    public JobProgress jobProgress(JobLedger jobs, StoryLedger stories, VoiceLedger voices, PublicationLedger publications) {
        return new JobProgress(jobs, stories, voices, publications);
    }

    @Override
    public void configure(CamelContext context) {
        // the routes name steps as text ('GENERATION'); without a converter of its own, Camel's enum converter
        // searched every registered converter for one on each call (a few percent of a scene's submission)
        context.getTypeConverterRegistry().addTypeConverter(Step.class, String.class, new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                return type.cast(Step.valueOf(value.toString()));
            }
        });
        var registry = context.getRegistry();
        context.getManagementStrategy().addEventNotifier(new LeaseRelease(registry.findSingleByType(JobLedger.class),
                registry.findSingleByType(GenerationLedger.class)));
    }
}
