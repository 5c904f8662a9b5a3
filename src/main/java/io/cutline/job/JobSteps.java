package io.cutline.job;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.model.OverBudgetException;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a job through its layers in the ledger. Each layer route asks {@link #enter} before it
 * works (so a resumed job skips finished layers, and a parked one stops) and calls {@link #leave}
 * when done; the dead-letter channel calls {@link #park}.
 */
public class JobSteps {

    private static final Logger LOG = LoggerFactory.getLogger(JobSteps.class);

    private final JobLedger jobs;
    private final StepLog stepLog;

    public JobSteps(JobLedger jobs, StepLog stepLog) {
        this.jobs = jobs;
        this.stepLog = stepLog;
    }

    /** True when this node should run {@code step} of the job now; records the start in the step log. */
    public boolean enter(String jobId, Step step) {
        if (!jobs.isAt(jobId, step)) {
            return false;
        }
        stepLog.begin(jobId, step, null, jobs.require(jobId).attempt());
        return true;
    }

    /** Records the layer as done and moves the job to the next one; false if the job was parked meanwhile. */
    public boolean leave(String jobId, Step step) {
        boolean advanced = jobs.advance(jobId, step);
        if (advanced) {
            stepLog.succeed(jobId, step, null, null);
            LOG.info("job {} finished {}", jobId, step);
        }
        return advanced;
    }

    /**
     * The dead-letter channel's handler: parks the job at its current step with the failure's reason.
     * A failure while the service is stopping (a tool or a call cut short by the shutdown) parks
     * nothing: the job stays at its step, its lease is given up, and the next start resumes it.
     * True when this call parked the job (not when it was parked already or left for the next start).
     */
    public boolean park(Exchange exchange) {
        String jobId = exchange.getMessage().getHeader("jobId", String.class);
        Integer sceneIndex = exchange.getMessage().getHeader("sceneIndex", Integer.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = reason(cause);
        if (jobId == null) {
            LOG.error("a failure outside any job: {}", reason, cause);
            return false;
        }
        Job job = jobs.require(jobId);
        if (exchange.getContext().isStopping() || exchange.getContext().isStopped()) {
            LOG.info("job {} left at {} for the next start (the service is stopping): {}", jobId, job.step(), reason);
            return false;
        }
        // the layer's failure first: a job seen parked has its layer's failure on record too
        stepLog.fail(jobId, job.step(), null, reason);
        boolean parked = jobs.park(jobId, sceneIndex, reason);
        if (parked) {
            LOG.warn("job {} parked at {}{}: {}", jobId, job.step(), sceneIndex == null ? "" : " scene " + sceneIndex, reason);
        }
        return parked;
    }

    /** Whether the failure being handled (wrapped or not) is a budget's refusal: the route then raises budget.exceeded. */
    public boolean overBudget(Exchange exchange) {
        return ObjectHelper.getException(OverBudgetException.class, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)) != null;
    }

    /** The failure as an operator should read it: the exception's kind and message, and its root cause if different. */
    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (root != cause && root.getMessage() != null && !reason.contains(root.getMessage())) {
            reason += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return reason;
    }
}
