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
import io.cutline.ledger.JobState;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "produce", description = "Produces one video for a channel and exits; non-zero if the job failed.")
public class ProduceCommand implements Callable<Integer> {

    @Option(names = "--channel", required = true, description = "Channel id (config/channels/<id>.yaml)")
    String channel;

    @Option(names = "--topic", description = "Topic to cover; the channel's signals choose one when absent")
    String topic;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up waiting after this long (ISO-8601, default PT30M)")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        return produce(channel, topic, timeout, System.out);
    }

    static int produce(String channel, String topic, Duration timeout, PrintStream out) throws Exception {
        Main main = CutlineRuntime.main(CutlineRuntime.oneShot());
        Instant started = Instant.now();
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            Receipt receipt = context.createProducerTemplate()
                    .requestBody("direct:submit-job", new JobRequest(channel, topic, null, "cli"), Receipt.class);
            JobLedger jobs = context.getRegistry().lookupByNameAndType("jobLedger", JobLedger.class);
            Job job = awaitEnd(jobs, receipt.job().id(), started.plus(timeout));
            JobViews views = context.getRegistry().lookupByNameAndType("jobViews", JobViews.class);
            JobReport.print(views.describe(job.id()), Duration.between(started, Instant.now()), out);
            return job.state() == JobState.DONE ? 0 : 1;
        } finally {
            main.stop();
        }
    }

    private static Job awaitEnd(JobLedger jobs, String jobId, Instant deadline) throws InterruptedException {
        while (true) {
            Job job = jobs.require(jobId);
            if (job.state() != JobState.RUNNING || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(200);
        }
    }
}
