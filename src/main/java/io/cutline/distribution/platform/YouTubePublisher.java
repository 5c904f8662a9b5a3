package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderUnavailableException;

/**
 * YouTube Data API v3: a resumable {@code videos.insert} with snippet and status, then
 * {@code thumbnails.set}. The upload's session URI is saved in the ledger ({@link UploadSession})
 * before the first byte; chunks are {@code chunk-kib} (a multiple of 256 KiB) read from disk one at a
 * time; after a failed chunk, or in a later attempt (a retry, a restarted service), the session is
 * asked how far it got ({@code 308} + {@code Range}) and the upload goes on from the next byte, or,
 * when it answers with the video, is done. A session YouTube no longer knows is looked for among the
 * channel's latest uploads by the job's marker tag ({@code cutline-<job>}) before a new upload starts,
 * so one job makes one video. The video is then checked with {@code videos.list} until it is
 * processed, with the privacy asked for. A vertical or square video of at most 180 s is a Short and
 * says so ({@code #Shorts}).
 */
public class YouTubePublisher implements Publisher {

    /** The channel's latest uploads searched for a job's marker (one page of playlistItems.list). */
    private static final int UPLOADS_SEARCHED = 50;
    private static final Pattern RECEIVED = Pattern.compile("bytes=0-(\\d+)");

    private final ProviderSettings settings;
    private final ObjectMapper json;
    private final PlatformHttp api;
    private final int chunkBytes;
    private final UploadPacing pacing;
    private final YouTubeVideoResource resource;

    /**
     * {@code base-url} (https://www.googleapis.com), {@code token-url} and the credential variables
     * ({@link RefreshedAccessToken}), {@code chunk-kib}, {@code resume-attempts} and {@code resume-delay-ms}
     * (tries within one attempt after a failed chunk, the first delay, doubling), {@code privacy},
     * {@code category}, {@code made-for-kids}, {@code status-interval-ms} and {@code live-within-s} (how
     * often and how long {@code videos.list} is asked whether the video is processed).
     */
    public YouTubePublisher(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.json = kit.json();
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(),
                new RefreshedAccessToken(settings, "client_id", kit.http(), kit.json(), Clock.systemUTC()),
                "/error/errors/0/reason", "/error/message");
        int chunkKib = settings.integer("chunk-kib");
        if (chunkKib <= 0 || chunkKib % 256 != 0) {
            throw new IllegalStateException("property " + settings.property("chunk-kib") + " must be a positive multiple of 256, got " + chunkKib);
        }
        this.chunkBytes = chunkKib * 1024;
        this.pacing = UploadPacing.of(settings);
        this.resource = YouTubeVideoResource.of(settings);
    }

    @Override
    public String publish(Render render, PostMetadata metadata, UploadSession session) {
        Path file = Path.of(render.path());
        long size = UploadFile.size(file);
        Optional<String> stored = session.handle();
        Optional<JsonNode> video = stored.flatMap(uri -> upload(uri, file, size, -1));
        if (stored.isPresent() && video.isEmpty()) {
            video = findByMarker(metadata.postId());
            session.discard();
        }
        if (video.isEmpty()) {
            String uri = open(metadata, size);
            session.save(uri);
            video = Optional.of(upload(uri, file, size, 0).orElseThrow(() -> new ProviderUnavailableException(provider(),
                    "the upload session opened a moment ago is gone", true, null)));
        }
        String id = api.text(video.get(), "id");
        verify(id, metadata);
        if (render.thumbnailPath() != null) {
            setThumbnail(id, Path.of(render.thumbnailPath()));
        }
        return "https://www.youtube.com/watch?v=" + id;
    }

    /** {@code videos.insert} with {@code uploadType=resumable}: the session URI. */
    private String open(PostMetadata metadata, long size) {
        String body;
        try {
            body = json.writeValueAsString(resource.of(metadata, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpGateway.Reply reply = api.check(api.send(token -> HttpGateway.Call.json("POST",
                settings.url("upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"),
                Map.of("Authorization", "Bearer " + token, "X-Upload-Content-Length", String.valueOf(size),
                        "X-Upload-Content-Type", "video/mp4"), body)));
        String location = reply.header("Location");
        if (location == null || location.isBlank()) {
            throw new ProviderUnavailableException(provider(), "videos.insert answered without a session URI (Location)", true, null);
        }
        return location;
    }

    /**
     * Sends the file from byte {@code from} ({@code -1}: ask the session first) to the end. A failed
     * chunk (no reply, 5xx, a dropped connection) is followed by asking the session how far it got,
     * up to {@code resume-attempts} times in a row. The video once complete; empty when the session
     * is gone (404, 410).
     */
    private Optional<JsonNode> upload(String uri, Path file, long size, long from) {
        long offset = from;
        int failures = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                boolean asking = offset < 0;
                long next;
                try {
                    HttpGateway.Reply reply = asking ? api.send(token -> put(uri, token, "bytes */" + size, new byte[0]))
                            : sendChunk(uri, channel, offset, size);
                    if (reply.status() == 200 || reply.status() == 201) {
                        return Optional.of(api.body(reply));
                    }
                    if (reply.status() == 404 || reply.status() == 410) {
                        return Optional.empty();
                    }
                    if (reply.status() != 308) {
                        api.check(reply);
                    }
                    next = received(reply);
                    if (next >= size) {
                        throw new ProviderUnavailableException(provider(), "the session has all " + size
                                + " bytes but did not answer with the video", true, null);
                    }
                } catch (ProviderUnavailableException e) {
                    failures++;
                    if (failures > pacing.resumeAttempts()) {
                        throw e;
                    }
                    api.pause(pacing.resumeDelayAfter(failures));
                    offset = -1;
                    continue;
                }
                if (!asking) {
                    failures = 0;
                }
                offset = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private HttpGateway.Reply sendChunk(String uri, FileChannel channel, long offset, long size) throws IOException {
        int length = (int) Math.min(chunkBytes, size - offset);
        byte[] bytes = UploadFile.chunk(channel, offset, length);
        return api.send(token -> put(uri, token, "bytes " + offset + "-" + (offset + length - 1) + "/" + size, bytes));
    }

    private static HttpGateway.Call put(String uri, String token, String range, byte[] bytes) {
        return new HttpGateway.Call("PUT", uri, Map.of("Authorization", "Bearer " + token, "Content-Type", "video/mp4",
                "Content-Range", range), bytes);
    }

    /** The next byte the session wants, from a 308's {@code Range} (none: from the start). */
    private long received(HttpGateway.Reply reply) {
        String range = reply.header("Range");
        if (range == null) {
            return 0;
        }
        Matcher matcher = RECEIVED.matcher(range.strip());
        if (!matcher.matches()) {
            throw new ProviderUnavailableException(provider(), "unreadable Range in 308: " + range, true, null);
        }
        return Long.parseLong(matcher.group(1)) + 1;
    }

    /**
     * The channel's latest upload tagged with the post's marker: the video of an upload whose last reply
     * was lost and whose session YouTube no longer knows.
     */
    private Optional<JsonNode> findByMarker(String postId) {
        JsonNode channels = get("youtube/v3/channels?part=contentDetails&mine=true");
        String uploads = channels.path("items").path(0).path("contentDetails").path("relatedPlaylists").path("uploads").asText("");
        if (uploads.isBlank()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        get("youtube/v3/playlistItems?part=contentDetails&maxResults=" + UPLOADS_SEARCHED + "&playlistId=" + encode(uploads)).path("items")
                .forEach(item -> ids.add(item.path("contentDetails").path("videoId").asText()));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode video : get("youtube/v3/videos?part=snippet,status&id=" + encode(String.join(",", ids))).path("items")) {
            for (JsonNode tag : video.path("snippet").path("tags")) {
                if (tag.asText().equals(YouTubeVideoResource.marker(postId))) {
                    return Optional.of(video);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Polls {@code videos.list} until the video is processed with the privacy asked for; failed or
     * rejected (with YouTube's reason), or still processing after {@code live-within-s}, is a failure.
     */
    private void verify(String id, PostMetadata metadata) {
        Instant deadline = Instant.now().plus(pacing.liveWithin());
        while (true) {
            JsonNode status = get("youtube/v3/videos?part=status&id=" + encode(id)).path("items").path(0).path("status");
            String upload = status.path("uploadStatus").asText("not listed");
            if (upload.equals("processed")) {
                String intended = metadata.publishAt() != null ? "private" : resource.privacy();
                String actual = status.path("privacyStatus").asText("");
                if (!intended.equals(actual)) {
                    throw new PermanentFailure(provider() + ": video " + id + " is " + actual + ", not " + intended
                            + " (uploads from an unverified API project stay private until the project is audited)");
                }
                return;
            }
            if (!upload.equals("uploaded") && !upload.equals("not listed")) {
                String reason = status.path("failureReason").asText(status.path("rejectionReason").asText(""));
                throw new PermanentFailure(provider() + ": video " + id + " is " + upload + (reason.isEmpty() ? "" : " (" + reason + ")"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PermanentFailure(provider() + ": video " + id + " not processed within " + pacing.liveWithin().toSeconds() + " s (still "
                        + upload + "); a retry checks it again without uploading");
            }
            api.pause(pacing.statusInterval().toMillis());
        }
    }

    private void setThumbnail(String id, Path thumbnail) {
        byte[] image;
        try {
            image = Files.readAllBytes(thumbnail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read thumbnail " + thumbnail, e);
        }
        String type = thumbnail.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
        api.check(api.send(token -> new HttpGateway.Call("POST", settings.url("upload/youtube/v3/thumbnails/set?uploadType=media&videoId=" + encode(id)),
                Map.of("Authorization", "Bearer " + token, "Content-Type", type), image)));
    }

    private JsonNode get(String path) {
        return api.json(token -> new HttpGateway.Call("GET", settings.url(path), Map.of("Authorization", "Bearer " + token), null));
    }

    private String provider() {
        return settings.name();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
