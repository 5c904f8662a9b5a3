package io.cutline.api;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;

import io.cutline.ledger.RenderLedger;
import io.cutline.model.Render;
import io.cutline.provider.DownloadLinks;

/**
 * {@code GET /downloads/<job>/<rendition>.mp4|.jpg?expires=&signature=} (routes/api.yaml): a
 * rendition's video or thumbnail for whoever holds a link the service signed ({@link DownloadLinks},
 * given to a webhook workflow), with no API token. The file is the one the ledger names for the job
 * and rendition; the path only selects it by id. Without a download secret every link is refused
 * ({@code links} is null when the variable {@code secretVariable} names is not set).
 */
public record RenderDownloads(RenderLedger renders, DownloadLinks links, String secretVariable, Clock clock) {

    /** The file a signed, unexpired link names; else 403 (bad signature), 410 (expired) or 404 (no such file). */
    public File open(String jobId, String file, String expires, String signature) {
        Matcher name = DownloadLinks.FILE.matcher(file == null ? "" : file);
        if (jobId == null || !DownloadLinks.ID.matcher(jobId).matches() || !name.matches()) {
            throw new ApiProblem(404, "no such download: a link names /downloads/<job>/<rendition>.mp4 or .jpg");
        }
        if (links == null) {
            throw new ApiProblem(404, "downloads are off: " + secretVariable + " (cutline.downloads.secret-env) is not set");
        }
        long until;
        try {
            until = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new ApiProblem(403, "the link needs expires (unix seconds) and signature");
        }
        if (!links.signed(jobId, file, until, signature)) {
            throw new ApiProblem(403, "the link's signature does not match");
        }
        if (clock.instant().getEpochSecond() > until) {
            throw new ApiProblem(410, "the link expired at " + java.time.Instant.ofEpochSecond(until));
        }
        Render render = renders.find(jobId, name.group(1))
                .orElseThrow(() -> new ApiProblem(404, "job " + jobId + " has no " + name.group(1) + " rendition"));
        String path = name.group(2).equals("mp4") ? render.path() : render.thumbnailPath();
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new ApiProblem(404, "the " + name.group(2) + " of job " + jobId + " " + name.group(1) + " is no longer here");
        }
        return Path.of(path).toFile();
    }

    /** The Content-Type of a download. */
    public String contentType(String file) {
        return file != null && file.endsWith(".jpg") ? "image/jpeg" : "video/mp4";
    }
}
