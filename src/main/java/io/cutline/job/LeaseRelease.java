package io.cutline.job;

import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this node's routes have stopped (and the ledger is still open), gives up the job leases and
 * generation claims it holds, so its work is taken up at once by the next start or by another node.
 */
public class LeaseRelease extends SimpleEventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);

    private final JobLedger jobs;
    private final GenerationLedger generations;

    public LeaseRelease(JobLedger jobs, GenerationLedger generations) {
        this.jobs = jobs;
        this.generations = generations;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextRoutesStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        generations.releaseClaims();
        int released = jobs.releaseLeases();
        if (released > 0) {
            LOG.info("released {} job leases held by {}; they resume at their current step on the next start", released, jobs.node());
        }
    }
}
