package io.cutline.job;

import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.StepLog;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** How jobs enter (routes/intake.yaml), move from step to step, and give up their leases on shutdown. */
public class JobConfiguration implements CamelConfiguration {

    @BindToRegistry
    public JobIntake jobIntake(ChannelRegistry channels, JobLedger jobs) {
        return new JobIntake(channels, jobs);
    }

    @BindToRegistry
    public JobSteps jobSteps(JobLedger jobs, StepLog stepLog) {
        return new JobSteps(jobs, stepLog);
    }

    @Override
    public void configure(CamelContext context) {
        var registry = context.getRegistry();
        context.getManagementStrategy().addEventNotifier(new LeaseRelease(registry.findSingleByType(JobLedger.class),
                registry.findSingleByType(GenerationLedger.class)));
    }
}
