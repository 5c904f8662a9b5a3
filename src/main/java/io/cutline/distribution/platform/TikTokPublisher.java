package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok Content Posting API, direct post from a file: {@code creator_info/query} first (privacy
 * options, longest video), {@code video/init} with {@code FILE_UPLOAD} and {@code is_aigc}, the file in
 * chunks by TikTok's rules (one chunk under 5 MB, else {@code chunk-mib} of 5–64 MB, the last taking
 * the rest), in order, with {@code Content-Range}; then {@code status/fetch} until PUBLISH_COMPLETE or
 * FAILED, within {@code live-within-s}. The {@code publish_id} and upload URL are saved in the ledger
 * ({@link UploadSession}) before the first byte: a later attempt asks TikTok about that post
 * ({@code uploaded_bytes}, status) and goes on with it rather than posting again. The privacy asked
 * for ({@code privacy}) must be one of the creator's options; an unaudited app may only post
 * {@code SELF_ONLY}, which this falls back to, saying so in the log.
 */
public class TikTokPublisher implements Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(TikTokPublisher.class);
    private static final long MB = 1024 * 1024;
    private static final int CAPTION_MAX_UNITS = 2200;
    private static final String PRIVATE = "SELF_ONLY";

    private final ProviderSettings settings;
    private final ObjectMapper json;
    private final PlatformHttp api;
    private final long chunkBytes;
    private final String privacy;
    private final UploadPacing pacing;

    /**
     * {@code base-url} (https://open.tiktokapis.com), {@code token-url} and the credential variables
     * ({@link RefreshedAccessToken}, the client id being TikTok's client key), {@code chunk-mib},
     * {@code resume-attempts} and {@code resume-delay-ms}, {@code privacy}, {@code status-interval-ms},
     * {@code live-within-s}.
     */
    public TikTokPublisher(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.json = kit.json();
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(),
                new RefreshedAccessToken(settings, "client_key", kit.http(), kit.json(), Clock.systemUTC()), "/error/code", "/error/message");
        int chunkMib = settings.integer("chunk-mib");
        if (chunkMib < 5 || chunkMib > 64) {
            throw new IllegalStateException("property " + settings.property("chunk-mib") + " must be 5 to 64, got " + chunkMib);
        }
        this.chunkBytes = chunkMib * MB;
        this.privacy = settings.text("privacy");
        this.pacing = UploadPacing.of(settings);
    }

    /** A post being made: TikTok's id for it, where its bytes go, and its chunk size. */
    private record Post(String publishId, String uploadUrl, long chunkSize) {
    }

    @Override
    public String publish(Render render, PostMetadata metadata, UploadSession session) {
        Path file = Path.of(render.path());
        long size = UploadFile.size(file);
        JsonNode creator = api.json(token -> call(token, "v2/post/publish/creator_info/query/", null)).path("data");
        Optional<Post> stored = session.handle().map(this::post);
        Post post;
        JsonNode status;
        if (stored.isPresent()) {
            post = stored.get();
            status = fetch(post.publishId());
        } else {
            post = init(creator, metadata, size);
            session.save(handle(post));
            status = fetch(post.publishId());
        }
        if (status.path("status").asText().equals("PROCESSING_UPLOAD") && status.path("uploaded_bytes").asLong() < size) {
            upload(post, file, size, status.path("uploaded_bytes").asLong());
        }
        return live(post, creator.path("creator_username").asText(""), session);
    }

    /** {@code video/init}: the post, with the privacy asked for if the creator offers it and the app may use it, else SELF_ONLY. */
    private Post init(JsonNode creator, PostMetadata metadata, long size) {
        int longest = creator.path("max_video_post_duration_sec").asInt(Integer.MAX_VALUE);
        if (metadata.durationSeconds() > longest) {
            throw new PermanentFailure(provider() + ": the video is " + Math.round(metadata.durationSeconds()) + " s, the creator may post at most "
                    + longest + " s");
        }
        List<String> options = new ArrayList<>();
        creator.path("privacy_level_options").forEach(option -> options.add(option.asText()));
        String level = privacy;
        if (!options.contains(level)) {
            LOG.warn("{}: privacy {} is not among the creator's options {}; posting {}", provider(), level, options, PRIVATE);
            level = PRIVATE;
        }
        long chunk = size <= Math.max(chunkBytes, 5 * MB) ? size : chunkBytes;
        try {
            return init(metadata, level, size, chunk);
        } catch (ProviderRejectedException e) {
            if (!e.getMessage().contains("unaudited_client_can_only_post_to_private_accounts") || level.equals(PRIVATE)) {
                throw e;
            }
            LOG.warn("{}: the app is not audited by TikTok, so job {} is posted {} (only its creator sees it), not {}", provider(),
                    metadata.jobId(), PRIVATE, level);
            return init(metadata, PRIVATE, size, chunk);
        }
    }

    private Post init(PostMetadata metadata, String level, long size, long chunk) {
        ObjectNode body = json.createObjectNode();
        body.putObject("post_info").put("title", caption(metadata)).put("privacy_level", level).put("disable_duet", false)
                .put("disable_comment", false).put("disable_stitch", false).put("video_cover_timestamp_ms", 1000)
                .put("brand_content_toggle", false).put("brand_organic_toggle", false).put("is_aigc", metadata.syntheticMedia());
        body.putObject("source_info").put("source", "FILE_UPLOAD").put("video_size", size).put("chunk_size", chunk)
                .put("total_chunk_count", size / chunk);
        JsonNode data = api.json(token -> call(token, "v2/post/publish/video/init/", body)).path("data");
        return new Post(api.text(data, "publish_id"), api.text(data, "upload_url"), chunk);
    }

    /** Title, description and hashtags, cut to TikTok's 2200 UTF-16 units. */
    private static String caption(PostMetadata metadata) {
        StringBuilder caption = new StringBuilder(metadata.title());
        if (metadata.description() != null && !metadata.description().isBlank()) {
            caption.append("\n\n").append(metadata.description().strip());
        }
        if (!metadata.hashtags().isEmpty()) {
            caption.append("\n\n").append(String.join(" ", metadata.hashtags()));
        }
        String text = caption.toString();
        if (text.length() <= CAPTION_MAX_UNITS) {
            return text;
        }
        int end = CAPTION_MAX_UNITS;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The chunks in order from the one holding byte {@code from}. After a failed chunk (no reply,
     * 5xx) TikTok is asked how many bytes it has ({@code uploaded_bytes}) and the upload goes on from
     * that chunk, up to {@code resume-attempts} times in a row.
     */
    private void upload(Post post, Path file, long size, long from) {
        long chunks = size / post.chunkSize();
        long offset = from;
        int failures = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (offset < size) {
                long first = Math.min(offset / post.chunkSize(), chunks - 1) * post.chunkSize();
                long length = first / post.chunkSize() == chunks - 1 ? size - first : post.chunkSize();
                byte[] bytes = UploadFile.chunk(channel, first, (int) length);
                String range = "bytes " + first + "-" + (first + length - 1) + "/" + size;
                try {
                    api.check(api.send(token -> new HttpGateway.Call("PUT", post.uploadUrl(), Map.of("Content-Type", "video/mp4",
                            "Content-Range", range), bytes)));
                    offset = first + length;
                    failures = 0;
                } catch (ProviderUnavailableException e) {
                    if (++failures > pacing.resumeAttempts()) {
                        throw e;
                    }
                    api.pause(pacing.resumeDelayAfter(failures));
                    offset = fetch(post.publishId()).path("uploaded_bytes").asLong();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Polls {@code status/fetch} until the post is out (its URL) or failed, or {@code live-within-s} has
     * passed. A failed post is forgotten (a retry posts again); one not live yet is kept (a retry asks again).
     */
    private String live(Post post, String username, UploadSession session) {
        Instant deadline = Instant.now().plus(pacing.liveWithin());
        while (true) {
            JsonNode status = fetch(post.publishId());
            switch (status.path("status").asText()) {
                case "PUBLISH_COMPLETE" -> {
                    JsonNode id = status.path("publicaly_available_post_id").path(0);
                    return id.isMissingNode() ? "tiktok:" + post.publishId() + " (published, not public)"
                            : "https://www.tiktok.com/@" + username + "/video/" + id.asText();
                }
                case "FAILED" -> {
                    session.discard();
                    throw new PermanentFailure(provider() + ": post " + post.publishId() + " FAILED: " + status.path("fail_reason").asText());
                }
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new PermanentFailure(provider() + ": post " + post.publishId() + " not live within " + pacing.liveWithin().toSeconds()
                                + " s (still " + status.path("status").asText() + "); a retry asks again");
                    }
                    api.pause(pacing.statusInterval().toMillis());
                }
            }
        }
    }

    private JsonNode fetch(String publishId) {
        return api.json(token -> call(token, "v2/post/publish/status/fetch/", json.createObjectNode().put("publish_id", publishId)))
                .path("data");
    }

    private HttpGateway.Call call(String token, String path, JsonNode body) {
        return HttpGateway.Call.json("POST", settings.url(path), Map.of("Authorization", "Bearer " + token),
                body == null ? "{}" : body.toString());
    }

    private Post post(String handle) {
        try {
            JsonNode node = json.readTree(handle);
            return new Post(node.path("publish_id").asText(), node.path("upload_url").asText(), node.path("chunk_size").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored TikTok upload: " + handle, e);
        }
    }

    private String handle(Post post) {
        return json.createObjectNode().put("publish_id", post.publishId()).put("upload_url", post.uploadUrl())
                .put("chunk_size", post.chunkSize()).toString();
    }

    private String provider() {
        return settings.name();
    }
}
