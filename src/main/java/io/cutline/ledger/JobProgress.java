package io.cutline.ledger;

import java.util.ArrayList;
import java.util.List;

import io.cutline.model.Scene;

/**
 * How far a job has come, read from the ledger: per layer its state and units done of total
 * (scenes voiced, scenes generated, platforms published). What {@code cutline produce} draws while
 * a job runs and what {@code GET /api/jobs/{id}} shows as {@code progress}.
 */
public record JobProgress(JobLedger jobs, StoryLedger stories, VoiceLedger voices, PublicationLedger publications) {

    /** The job's state and step, and one entry per layer in order. */
    public record Progress(String state, String step, List<Layer> layers) {
    }

    /**
     * A layer: PENDING, RUNNING, DONE or FAILED; {@code done} of {@code total} {@code unit}s (the
     * total is 0 while unknown, e.g. the scenes before the storyboard is written).
     */
    public record Layer(String step, String state, int done, int total, String unit) {
    }

    public Progress of(String jobId) {
        Job job = jobs.require(jobId);
        List<Scene> scenes = job.step().ordinal() >= Step.VOICE.ordinal() ? stories.scenes(jobId) : List.of();
        List<Layer> layers = new ArrayList<>();
        for (Step step : Step.values()) {
            if (step == Step.DONE) {
                continue;
            }
            String state = state(job, step);
            boolean finished = state.equals("DONE");
            layers.add(switch (step) {
                case VOICE -> new Layer(step.name(), state,
                        finished ? scenes.size() : voices.forJob(jobId).size(), scenes.size(), "scenes");
                case GENERATION -> new Layer(step.name(), state,
                        (int) scenes.stream().filter(Scene::fullyGenerated).count(), scenes.size(), "scenes");
                case DISTRIBUTION -> platforms(jobId, state);
                default -> new Layer(step.name(), state, finished ? 1 : 0, 1, unit(step));
            });
        }
        return new Progress(job.state().name(), job.step().name(), List.copyOf(layers));
    }

    /** The platforms the job is being published to (known once distribution starts each) and those done. */
    private Layer platforms(String jobId, String state) {
        List<Publication> started = publications.forJob(jobId);
        int published = (int) started.stream().filter(Publication::published).count();
        return new Layer(Step.DISTRIBUTION.name(), state, published, started.size(), "platforms");
    }

    private static String state(Job job, Step step) {
        if (step.ordinal() < job.step().ordinal()) {
            return "DONE";
        }
        if (step != job.step()) {
            return "PENDING";
        }
        return switch (job.state()) {
            case RUNNING -> "RUNNING";
            case DONE -> "DONE";
            case WAITING -> "PENDING";
            default -> "FAILED";
        };
    }

    private static String unit(Step step) {
        return switch (step) {
            case RESEARCH -> "brief";
            case STORYBOARD -> "storyboard";
            default -> "video";
        };
    }
}
