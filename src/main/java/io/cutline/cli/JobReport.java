package io.cutline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.cutline.api.JobView;

/** The end-of-run summary: outcome, per-layer time, and where the video and outbox files are. */
final class JobReport {

    private JobReport() {
    }

    static void print(JobView job, Duration elapsed, PrintStream out) {
        out.printf(Locale.ROOT, "%nCutline job %s (channel %s): %s after %.1f s%n", job.id(), job.channel(), job.state(),
                elapsed.toMillis() / 1000.0);
        if (job.topic() != null) {
            out.println("  topic: " + job.topic());
        }
        out.printf("  %-13s %-9s %9s%n", "layer", "outcome", "time");
        for (JobView.Layer layer : job.layers()) {
            out.printf(Locale.ROOT, "  %-13s %-9s %9s%n", layer.step(), layer.state(),
                    layer.seconds() == null ? "-" : String.format(Locale.ROOT, "%.1f s", layer.seconds()));
        }
        if (job.failure() != null) {
            out.printf("  failed at %s%s: %s%n", job.failure().step(),
                    job.failure().scene() == null ? "" : " (scene " + job.failure().scene() + ")", job.failure().reason());
            out.printf("  to retry it there: POST /api/jobs/%s/retry (with bin/cutline serve running)%n", job.id());
        }
        for (JobView.RenderView render : job.renders()) {
            out.printf(Locale.ROOT, "  video:  %s (%dx%d, %.2f s)%n", relative(render.path()), render.width(), render.height(),
                    render.seconds());
        }
        for (JobView.PublicationView publication : job.publications()) {
            out.printf("  %-8s%s %s%s%n", publication.platform() + ":", " " + publication.state(),
                    publication.location() == null ? "" : relative(publication.location()),
                    publication.location() == null ? "" : " (+ " + relative(publication.location().replaceFirst("\\.mp4$", ".json")) + ")");
        }
        for (JobView.SlotView slot : job.slots()) {
            if (slot.slotAt() == null) {
                out.printf("  %-8s waits for its publishing slot%s (bin/cutline serve publishes it then)%n", slot.platform() + ":",
                        slot.nextSlotAt() == null ? "" : ", next at " + slot.nextSlotAt());
            }
        }
    }

    private static String relative(String path) {
        Path absolute = Path.of(path).toAbsolutePath();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : path;
    }
}
