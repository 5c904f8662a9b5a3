package io.cutline.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.cutline.api.JobViews;
import io.cutline.job.JobRequest;
import io.cutline.job.Receipt;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.ledger.JobState;
import io.cutline.ledger.Step;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "produce", description = "Produces one video for a channel, showing each layer's progress, and exits;"
        + " exit code 4 if the job was parked or had not finished within the timeout.")
public class ProduceCommand implements Callable<Integer> {

    /** How often the ledger is read for progress and the job's end. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    @Option(names = "--channel", required = true, description = "Channel id (config/channels/<id>.yaml)")
    String channel;

    @Option(names = "--topic", description = "Topic to cover; the channel's signals choose one when absent"
            + " (the offline template writer covers only the topics of the channel's signals file)")
    String topic;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up waiting after this long (ISO-8601, default PT30M)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        return produce(channel, topic, timeout, System.out);
    }

    static int produce(String channel, String topic, Duration timeout, PrintStream out) throws Exception {
        Instant started = Instant.now();
        CutlineRuntime.requireChannel(channel);
        Main main = CutlineRuntime.main(CutlineRuntime.oneShot());
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            Receipt receipt = context.createProducerTemplate()
                    .requestBody("direct:submit-job", new JobRequest(channel, topic, null, "cli"), Receipt.class);
            String jobId = receipt.job().id();
            out.printf("job %s for channel %s started%n", jobId, channel);
            Job job = awaitEnd(context, jobId, started.plus(timeout), new ProgressView(out, System.console() != null));
            JobViews views = context.getRegistry().lookupByNameAndType("jobViews", JobViews.class);
            JobReport.print(views.describe(jobId), Duration.between(started, Instant.now()), out);
            if (job.state() == JobState.RUNNING) {
                throw new CommandFailure(ExitCode.JOB_FAILED, "job " + jobId + " had not finished after " + timeout,
                        "bin/cutline serve resumes it at its step; GET /api/jobs/" + jobId + " shows where it is");
            }
            // a video waiting for its publishing slots is made: the service publishes it at them
            boolean waitsForSlots = job.state() == JobState.WAITING && job.step() == Step.DISTRIBUTION;
            return job.state() == JobState.DONE || waitsForSlots ? ExitCode.OK : ExitCode.JOB_FAILED;
        } finally {
            main.stop();
        }
    }

    /** Shows the job's progress until it is no longer running (or the deadline passes); returns it as it ended. */
    private static Job awaitEnd(CamelContext context, String jobId, Instant deadline, ProgressView view) throws InterruptedException {
        JobLedger jobs = context.getRegistry().lookupByNameAndType("jobLedger", JobLedger.class);
        JobProgress progress = context.getRegistry().lookupByNameAndType("jobProgress", JobProgress.class);
        while (true) {
            Job job = jobs.require(jobId);
            view.show(progress.of(jobId));
            if (job.state() != JobState.RUNNING || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(LOOK_EVERY.toMillis());
        }
    }
}
