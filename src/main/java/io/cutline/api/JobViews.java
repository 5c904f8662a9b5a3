package io.cutline.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.cutline.ledger.CostLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.ledger.JobState;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StepRecord;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;

/** Reads everything the ledger knows about a job into one {@link JobView}. */
public record JobViews(JobLedger jobs, StepLog stepLog, StoryLedger stories, SceneViews scenes, OutputViews outputs,
                       CostLedger costs, JobProgress progress, LanguageLedger languages, HookLedger hooks) {

    public JobView describe(String jobId) {
        Job job = jobs.require(jobId);
        List<StepRecord> log = stepLog.forJob(jobId);
        return new JobView(job.id(), job.channelId(), job.origin(), job.requestedTopic(),
                stories.brief(jobId).map(Brief::topic).orElse(null), stories.topicChoice(jobId).orElse(null),
                stories.storyboard(jobId).map(Storyboard::title).orElse(null),
                job.state().name(), job.step().name(), job.attempt(), job.createdAt(), job.updatedAt(),
                job.failedStep() == null ? null : new JobView.Failure(job.failedStep().name(), job.failedScene(), job.failureReason()),
                progress.of(jobId), layers(job, log), scenes.describe(jobId, log),
                outputs.renders(jobId), outputs.gates(jobId), outputs.publications(jobId),
                outputs.slots(jobId, job.channelId()),
                costs.forJob(jobId), costs.writingForJob(jobId), costs.writerCalls(jobId),
                new JobView.Languages(languages.languageOf(jobId).orElse(null), languages.originalOf(jobId).orElse(null),
                        languages.variants(jobId)),
                outputs.shorts(jobId),
                hooks.variantOf(jobId).map(variant -> new JobView.HookVariants(variant.number(), variant.originalJobId(),
                        hooks.variants(variant.originalJobId()))).orElse(null));
    }

    public JobView.Summary summary(Job job) {
        return new JobView.Summary(job.id(), job.channelId(), job.state().name(), job.step().name(), job.createdAt(),
                job.updatedAt(), job.failureReason());
    }

    /** The latest layer-level log entry per step; steps the job has not reached are PENDING. */
    static List<JobView.Layer> layers(Job job, List<StepRecord> log) {
        List<JobView.Layer> layers = new ArrayList<>();
        for (Step step : Step.values()) {
            if (step == Step.DONE) {
                continue;
            }
            StepRecord latest = log.stream()
                    .filter(entry -> entry.step() == step && entry.sceneIndex() == null)
                    .max(Comparator.comparing(StepRecord::startedAt))
                    .orElse(null);
            if (latest == null) {
                layers.add(new JobView.Layer(step.name(), step.ordinal() < job.step().ordinal() ? "DONE" : "PENDING",
                        null, null, null, null));
                continue;
            }
            String state = switch (latest.outcome()) {
                case OK -> "DONE";
                case FAILED -> "FAILED";
                case RUNNING -> job.step() != step ? "INTERRUPTED" : switch (job.state()) {
                    case RUNNING -> "RUNNING";
                    // distribution, waiting for a publishing slot (the view's slots say which and when)
                    case WAITING -> "WAITING";
                    default -> "INTERRUPTED";
                };
            };
            Duration elapsed = latest.elapsed();
            layers.add(new JobView.Layer(step.name(), state, latest.startedAt(), latest.finishedAt(),
                    elapsed == null ? null : elapsed.toMillis() / 1000.0, latest.detail()));
        }
        return List.copyOf(layers);
    }
}
