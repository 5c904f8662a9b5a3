package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderUnavailableException;

/**
 * Instagram's resumable upload ({@code rupload}): the file in chunks of {@code chunk-mib} read from
 * disk one at a time, each POSTed to the container's upload URI with {@code offset} and
 * {@code file_size}. After a chunk without an answer (a cut-off, a lost reply, 5xx) the URI is asked
 * which offset it reached (⚠ {@code GET} on the URI answering {@code {"offset": n}} is this
 * project's reading of Meta's resumable protocol) and the upload goes on from there, up to
 * {@code resume-attempts} times in a row.
 */
final class ReelUpload {

    private static final long MB = 1024 * 1024;

    private final String platform;
    private final PlatformHttp api;
    private final long chunkBytes;
    private final UploadPacing pacing;

    ReelUpload(String platform, PlatformHttp api, int chunkMib, UploadPacing pacing) {
        if (chunkMib < 1) {
            throw new IllegalStateException(platform + ": chunk-mib must be at least 1, got " + chunkMib);
        }
        this.platform = platform;
        this.api = api;
        this.chunkBytes = chunkMib * MB;
        this.pacing = pacing;
    }

    /** Sends the file from byte {@code from} to its end. */
    void send(String uri, Path file, long from) {
        long size = UploadFile.size(file);
        long offset = from;
        int failures = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (offset < size) {
                int length = (int) Math.min(chunkBytes, size - offset);
                byte[] bytes = UploadFile.chunk(channel, offset, length);
                long first = offset;
                try {
                    api.check(api.send(token -> new HttpGateway.Call("POST", uri, Map.of("Authorization", "OAuth " + token,
                            "offset", String.valueOf(first), "file_size", String.valueOf(size), "Content-Type", "application/octet-stream"), bytes)));
                    offset += length;
                    failures = 0;
                } catch (ProviderUnavailableException e) {
                    if (++failures > pacing.resumeAttempts()) {
                        throw e;
                    }
                    api.pause(pacing.resumeDelayAfter(failures));
                    offset = offset(uri);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The offset the upload URI has received up to. */
    long offset(String uri) {
        JsonNode answer = api.json(token -> new HttpGateway.Call("GET", uri, Map.of("Authorization", "OAuth " + token), null));
        if (!answer.path("offset").canConvertToLong()) {
            throw new ProviderUnavailableException(platform, "upload status without offset", true, null);
        }
        return answer.path("offset").asLong();
    }
}
