package io.cutline.job;

import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.JobLedger;

/** Turns a request into a job in the ledger (or finds the job an earlier identical request made). */
public class JobIntake {

    private final ChannelRegistry channels;
    private final JobLedger jobs;

    public JobIntake(ChannelRegistry channels, JobLedger jobs) {
        this.channels = channels;
        this.jobs = jobs;
    }

    public Receipt open(JobRequest request) {
        channels.require(request.channel());
        JobLedger.Created created = jobs.create(request.channel(), request.topic(), request.idempotencyKey(), request.origin());
        return new Receipt(created.job(), created.isNew());
    }
}
