package io.cutline.distribution.platform;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Render;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;

/**
 * Instagram Graph API Reels: {@code content_publishing_limit} read first (a used-up quota is refused
 * before anything is posted), a {@code REELS} container from {@code video_url} (the render under
 * {@code media-base-url}, which Meta fetches) or, without one, with the resumable {@code rupload}
 * upload ({@link ReelUpload}); {@code status_code} polled until {@code FINISHED} ({@code ERROR} and
 * {@code EXPIRED} fail naming Instagram's status, a container not finished within
 * {@code live-within-s} fails and is asked about again by a retry); {@code media_publish}; then the
 * reel's permalink (with its media id as the fragment). The container id is saved in the ledger ({@link UploadSession}) before its bytes
 * and before {@code media_publish}, so a later attempt, or a lost reply, asks the container first: a
 * {@code PUBLISHED} one is found among the account's latest reels by its caption rather than
 * published again. Graph's throttling codes are rate limits whatever their HTTP status.
 */
public class InstagramPublisher implements Publisher {

    /** Graph API error codes that mean "slow down" (app, user, page, BUC limits). */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80002);
    /** How many of the account's latest reels are searched for one whose media_publish reply was lost. */
    private static final int REELS_SEARCHED = 25;

    private final ProviderSettings settings;
    private final ObjectMapper json;
    private final PlatformHttp api;
    private final UploadPacing pacing;
    private final ReelUpload upload;
    private final Optional<String> mediaBaseUrl;
    private final Path mediaDir;

    /**
     * {@code base-url} (https://graph.instagram.com/v23.0), {@code user-id} (the Instagram professional
     * account), {@code access-token-env} and {@code token-url} ({@link InstagramAccessToken}),
     * {@code media-base-url} (optional: the public URL of {@code media-dir}), {@code chunk-mib},
     * {@code resume-attempts}, {@code resume-delay-ms}, {@code status-interval-ms}, {@code live-within-s},
     * {@code share-to-feed}.
     */
    public InstagramPublisher(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.json = kit.json();
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(), new InstagramAccessToken(settings, kit.http(), kit.json()),
                "/error/code", "/error/message");
        this.pacing = UploadPacing.of(settings);
        this.upload = new ReelUpload(settings.name(), api, settings.integer("chunk-mib"), pacing);
        this.mediaBaseUrl = settings.optional("media-base-url").map(url -> url.replaceAll("/+$", ""));
        this.mediaDir = Path.of(settings.text("media-dir")).toAbsolutePath().normalize();
    }

    /** A container: its id, and where its bytes go when it is uploaded rather than fetched. */
    private record Container(String id, String uploadUri) {
    }

    @Override
    public String publish(Render render, PostMetadata metadata, UploadSession session) {
        String caption = ReelCaption.of(metadata, provider());
        Path file = Path.of(render.path());
        Optional<Container> stored = session.handle().map(this::container);
        if (stored.isPresent()) {
            Optional<String> done = resume(stored.get(), file, caption, session);
            if (done.isPresent()) {
                return done.get();
            }
        }
        checkQuota();
        Container container = create(file, caption);
        session.save(handle(container));
        if (container.uploadUri() != null) {
            upload.send(container.uploadUri(), file, 0);
        }
        return finish(container, caption, session);
    }

    /** What an earlier attempt's container became: published (found), finished or processing (carried on), or gone (empty). */
    private Optional<String> resume(Container container, Path file, String caption, UploadSession session) {
        JsonNode status;
        try {
            status = status(container.id());
        } catch (ProviderRejectedException unknown) {
            session.discard();
            return Optional.empty();
        }
        switch (status.path("status_code").asText()) {
            case "PUBLISHED" -> {
                return Optional.of(live(findPublished(caption)));
            }
            case "FINISHED" -> {
                return Optional.of(finish(container, caption, session));
            }
            case "IN_PROGRESS" -> {
                if (container.uploadUri() != null) {
                    upload.send(container.uploadUri(), file, upload.offset(container.uploadUri()));
                }
                return Optional.of(finish(container, caption, session));
            }
            default -> {
                session.discard();
                return Optional.empty();
            }
        }
    }

    private void checkQuota() {
        JsonNode limit = get(settings.text("user-id") + "/content_publishing_limit?fields=quota_usage,config").path("data").path(0);
        int used = limit.path("quota_usage").asInt(0);
        int total = limit.path("config").path("quota_total").asInt(Integer.MAX_VALUE);
        if (used >= total) {
            throw new PermanentFailure(provider() + ": the publishing limit is reached (" + used + " of " + total + " reels in "
                    + limit.path("config").path("quota_duration").asInt(86400) / 3600 + " h); a retry after that posts it");
        }
    }

    private Container create(Path file, String caption) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "REELS");
        form.put("caption", caption);
        form.put("share_to_feed", settings.text("share-to-feed"));
        mediaBaseUrl.ifPresentOrElse(base -> form.put("video_url", base + "/" + publicPath(file)), () -> form.put("upload_type", "resumable"));
        JsonNode answer = post(settings.text("user-id") + "/media", form);
        return new Container(api.text(answer, "id"), mediaBaseUrl.isPresent() ? null : api.text(answer, "uri"));
    }

    /** The render's path under {@code media-dir}, each segment URL-encoded; a render elsewhere is not public. */
    private String publicPath(Path file) {
        Path relative = mediaDir.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || relative.isAbsolute()) {
            throw new PermanentFailure(provider() + ": " + file + " is not under " + settings.property("media-dir") + " (" + mediaDir
                    + "), so it has no URL under " + settings.property("media-base-url"));
        }
        return StreamSupport.stream(relative.spliterator(), false).map(part -> URLEncoder.encode(part.toString(), StandardCharsets.UTF_8)
                .replace("+", "%20")).collect(Collectors.joining("/"));
    }

    /** Polls the container until FINISHED, publishes it (asking the container after a lost reply) and returns the reel's location. */
    private String finish(Container container, String caption, UploadSession session) {
        Instant deadline = Instant.now().plus(pacing.liveWithin());
        while (true) {
            JsonNode status = status(container.id());
            String code = status.path("status_code").asText();
            switch (code) {
                case "FINISHED" -> {
                    return live(publish(container.id(), caption));
                }
                case "PUBLISHED" -> {
                    return live(findPublished(caption));
                }
                case "ERROR", "EXPIRED" -> {
                    session.discard();
                    throw new PermanentFailure(provider() + ": container " + container.id() + " " + code + ": " + status.path("status").asText());
                }
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new PermanentFailure(provider() + ": container " + container.id() + " not finished within "
                                + pacing.liveWithin().toSeconds() + " s (still " + code + "); a retry asks again");
                    }
                    api.pause(pacing.statusInterval().toMillis());
                }
            }
        }
    }

    /** {@code media_publish}; after a reply that never came, the container says whether it went out. */
    private String publish(String containerId, String caption) {
        try {
            return api.text(post(settings.text("user-id") + "/media_publish", Map.of("creation_id", containerId)), "id");
        } catch (ProviderUnavailableException unknown) {
            if (status(containerId).path("status_code").asText().equals("PUBLISHED")) {
                return findPublished(caption);
            }
            throw unknown;
        }
    }

    /** The id of the account's latest reel with this caption (the container was published, its reply lost). */
    private String findPublished(String caption) {
        for (JsonNode reel : get(settings.text("user-id") + "/media?fields=id,caption,permalink,timestamp&limit=" + REELS_SEARCHED).path("data")) {
            if (reel.path("caption").asText().equals(caption)) {
                return api.text(reel, "id");
            }
        }
        throw new ProviderUnavailableException(provider(), "the container is PUBLISHED but its reel is not among the latest "
                + REELS_SEARCHED + " yet", true, null);
    }

    /**
     * A reel is live when Instagram gives its permalink; the location is the permalink with the media
     * id as its fragment, because the Graph API addresses a reel (its insights) by media id, which the
     * permalink does not carry ({@link InstagramMetrics}).
     */
    private String live(String mediaId) {
        String permalink = get(mediaId + "?fields=id,permalink,media_product_type").path("permalink").asText("");
        if (permalink.isBlank()) {
            throw new PermanentFailure(provider() + ": reel " + mediaId + " was published but has no permalink");
        }
        return permalink + "#" + mediaId;
    }

    private JsonNode status(String containerId) {
        return get(containerId + "?fields=status_code,status");
    }

    private JsonNode get(String path) {
        return api.body(check(api.send(token -> new HttpGateway.Call("GET", settings.url(path), Map.of("Authorization", "OAuth " + token), null))));
    }

    private JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.body(check(api.send(token -> new HttpGateway.Call("POST", settings.url(path), Map.of("Authorization", "OAuth " + token,
                "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Graph's throttling is a rate limit whatever the HTTP status; the rest as {@link PlatformHttp#check} says. */
    private HttpGateway.Reply check(HttpGateway.Reply reply) {
        if (!reply.ok() && reply.status() != 429) {
            try {
                JsonNode error = json.readTree(reply.body()).path("error");
                if (THROTTLED.contains(error.path("code").asInt(-1))) {
                    throw new RateLimitedException(provider(), null, error.path("code").asInt() + ": " + error.path("message").asText());
                }
            } catch (IOException notJson) {
                // not Graph's error JSON: PlatformHttp words it
            }
        }
        return api.check(reply);
    }

    private Container container(String handle) {
        try {
            JsonNode node = json.readTree(handle);
            return new Container(node.path("container").asText(), node.path("upload_uri").isTextual() ? node.path("upload_uri").asText() : null);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stored Instagram container: " + handle, e);
        }
    }

    private String handle(Container container) {
        var node = json.createObjectNode().put("container", container.id());
        if (container.uploadUri() != null) {
            node.put("upload_uri", container.uploadUri());
        }
        return node.toString();
    }

    private String provider() {
        return settings.name();
    }
}
