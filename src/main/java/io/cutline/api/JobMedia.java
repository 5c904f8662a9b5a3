package io.cutline.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Render;

/**
 * The media files of a job the API serves read-only (the console's video player and scene previews):
 * a rendition's video and thumbnail, and a scene's clip. The caller names a job and a rendition or
 * clip key, never a path: the file is the one the ledger records for that job, and it is served only
 * if it lies inside the media directory (a ledger row pointing elsewhere is not followed).
 */
public record JobMedia(JobLedger jobs, RenderLedger renders, StoryLedger stories, GenerationLedger generations, Path mediaRoot) {

    /** A file to send and its content type. */
    public record MediaFile(Path path, String contentType) {
    }

    public JobMedia {
        mediaRoot = mediaRoot.toAbsolutePath().normalize();
    }

    /** {@code GET /api/jobs/{id}/renders/{rendition}/video}: the rendition's MP4. */
    public MediaFile video(String jobId, String rendition) {
        Render render = render(jobId, rendition);
        return served(render.path(), "video/mp4", "rendition " + rendition + " of job " + jobId + " has no video file");
    }

    /** {@code GET /api/jobs/{id}/renders/{rendition}/thumbnail}: the rendition's JPEG thumbnail. */
    public MediaFile thumbnail(String jobId, String rendition) {
        Render render = render(jobId, rendition);
        return served(render.thumbnailPath(), "image/jpeg", "rendition " + rendition + " of job " + jobId + " has no thumbnail");
    }

    /** {@code GET /api/jobs/{id}/clips/{key}}: a generated clip of one of the job's scenes (keys as the job view lists them). */
    public MediaFile clip(String jobId, String key) {
        requireJob(jobId);
        boolean ours = key != null && stories.scenes(jobId).stream().anyMatch(scene -> scene.clipKeys().contains(key));
        String missing = "job " + jobId + " has no clip '" + JobApi.printable(key) + "'";
        if (!ours) {
            throw new ApiProblem(404, missing);
        }
        return served(generations.find(key).filter(GenerationTask::succeeded).map(GenerationTask::clipPath).orElse(null), "video/mp4", missing);
    }

    private Render render(String jobId, String rendition) {
        requireJob(jobId);
        return renders.find(jobId, rendition == null ? "" : rendition).orElseThrow(() -> new ApiProblem(404,
                "job " + jobId + " has no rendition '" + JobApi.printable(rendition) + "'"));
    }

    private void requireJob(String jobId) {
        JobApi.requireJobId(jobId);
        if (jobs.find(jobId).isEmpty()) {
            throw new ApiProblem(404, "no job '" + jobId + "'");
        }
    }

    private MediaFile served(String recorded, String contentType, String missing) {
        Path file = Optional.ofNullable(recorded).map(path -> Path.of(path).toAbsolutePath().normalize())
                .filter(path -> path.startsWith(mediaRoot))
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new ApiProblem(404, missing));
        return new MediaFile(file, contentType);
    }
}
