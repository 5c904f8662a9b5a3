package io.cutline.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * YouTube Data API v3 and Google's OAuth token endpoint, as far as publishing needs them:
 * {@code POST /oauth2/token} (refresh-token grant), the resumable {@code videos.insert}
 * ({@code POST /upload/youtube/v3/videos?uploadType=resumable} answering a session URI in
 * {@code Location}; {@code PUT} chunks answered {@code 308} + {@code Range} until the last, {@code 201}
 * with the video; {@code Content-Range: bytes *}{@code /TOTAL} asks how far it got), {@code thumbnails.set}
 * ({@code uploadType=media}, or resumable with the image in one {@code PUT}), {@code videos.list} (the parts asked
 * for; {@code part=statistics} alone: {@link AudienceEmulation}), {@code channels.list?mine=true} and
 * {@code playlistItems.list} (the channel's uploads, newest first). A list parameter such as {@code part} or
 * {@code id} may come comma-separated or repeated ({@code part=snippet&part=status}, as Google's own clients send it).
 * Chunks other than the last must be a multiple of 256 KiB and start where the
 * received bytes end. Faults are drawn per endpoint: {@code youtube-token}, {@code youtube} (the
 * insert: also {@code quota-exceeded}, and {@code failed} and {@code never-live} for the processing of
 * the video it makes), {@code youtube-upload} (chunks and status queries), {@code youtube-finish} (the last
 * chunk), {@code youtube-list}, {@code youtube-thumbnail}.
 */
final class YouTubeEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "youtube";
    static final long CHUNK_QUANTUM = 256 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d+)");
    private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");
    static final ErrorStyle ERRORS = new ErrorStyle(YouTubeEmulation::error,
            new Reply(401, error(401, "authError", "Request had invalid authentication credentials.")),
            new Reply(400, error(400, "parseError", "Parse Error")));

    @Override
    public void register(Router router, EmulatorContext context) {
        YouTubeChannel channel = context.youtube();
        router.post("/oauth2/token").handler(call -> token(call, context, channel));
        router.post("/upload/youtube/v3/videos").handler(call -> context.open(call, PROVIDER, authorized(call, channel), ERRORS,
                YouTubeEmulation::notResumable).ifPresent(opened -> insert(call, context, channel, opened)));
        router.put("/upload/youtube/v3/videos").handler(call -> upload(call, context, channel));
        router.post("/upload/youtube/v3/thumbnails/set").handler(call -> context.admit(call, PROVIDER + "-thumbnail",
                authorized(call, channel), ERRORS).ifPresent(opened -> {
                    if ("resumable".equals(call.request().getParam("uploadType"))) {
                        openThumbnailUpload(call, context, channel, opened.fault());
                    } else {
                        thumbnail(call, context, channel, opened.fault(), String.valueOf(call.request().getParam("videoId")));
                    }
                }));
        router.put("/upload/youtube/v3/thumbnails/set").handler(call -> context.admit(call, PROVIDER + "-thumbnail",
                authorized(call, channel), ERRORS).ifPresent(opened -> thumbnailUpload(call, context, channel, opened.fault())));
        router.get("/youtube/v3/videos").handler(call -> context.admit(call, PROVIDER + "-list", authorized(call, channel), ERRORS)
                .ifPresent(opened -> list(call, context, channel)));
        router.get("/youtube/v3/channels").handler(call -> context.admit(call, PROVIDER + "-list", authorized(call, channel), ERRORS)
                .ifPresent(opened -> EmulatorContext.json(call, 200, "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"id\":"
                        + "\"UCemulator\",\"contentDetails\":{\"relatedPlaylists\":{\"uploads\":\"UUemulator\"}}}]}")));
        router.get("/youtube/v3/playlistItems").handler(call -> context.admit(call, PROVIDER + "-list", authorized(call, channel), ERRORS)
                .ifPresent(opened -> uploads(call, context, channel)));
    }

    /** The refresh-token grant: the client secret and refresh token must be the emulator's key. */
    private void token(RoutingContext call, EmulatorContext context, YouTubeChannel channel) {
        Optional<Fault> fault = context.begin(PROVIDER + "-token");
        if (context.refused(call, fault, true, ERRORS)) {
            return;
        }
        Map<String, String> form = EmulatorContext.form(call.body().asString());
        if (!"refresh_token".equals(form.get("grant_type")) || form.getOrDefault("client_id", "").isBlank()) {
            EmulatorContext.json(call, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type or client_id\"}");
            return;
        }
        if (!context.apiKey().equals(form.get("client_secret"))) {
            EmulatorContext.json(call, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
            return;
        }
        if (!context.apiKey().equals(form.get("refresh_token"))) {
            EmulatorContext.json(call, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            return;
        }
        ObjectNode answer = context.json().createObjectNode().put("access_token", channel.issueToken())
                .put("expires_in", channel.tokenLifetimeSeconds()).put("token_type", "Bearer")
                .put("scope", "https://www.googleapis.com/auth/youtube.upload");
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer.toString()));
    }

    private void insert(RoutingContext call, EmulatorContext context, YouTubeChannel channel, OpenedRequest opened) {
        if (Fault.is(opened.fault(), Fault.Kind.QUOTA_EXCEEDED)) {
            EmulatorContext.json(call, 403, quotaExceeded());
            return;
        }
        Optional<String> invalid = invalid(opened.body());
        if (invalid.isPresent()) {
            EmulatorContext.json(call, 400, error(400, invalid.get().split(":")[0], invalid.get()));
            return;
        }
        OptionalLong size = declaredSize(call);
        if (size.isEmpty()) {
            return;
        }
        ObjectNode video = context.json().createObjectNode();
        video.set("snippet", opened.body().path("snippet").deepCopy());
        video.set("status", opened.body().path("status").deepCopy());
        YouTubeChannel.Session session = channel.open(size.getAsLong(), video, opened.fault());
        context.finish(call, opened.fault(), () -> call.response().setStatusCode(200)
                .putHeader("Location", context.baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + session.id
                        + "&part=snippet,status").end());
    }

    /** The size a resumable upload announces ({@code X-Upload-Content-Length}); empty, with 400 answered, without one. */
    private static OptionalLong declaredSize(RoutingContext call) {
        try {
            return OptionalLong.of(Long.parseLong(call.request().getHeader("X-Upload-Content-Length")));
        } catch (NumberFormatException e) {
            EmulatorContext.json(call, 400, error(400, "badRequest", "X-Upload-Content-Length is required"));
            return OptionalLong.empty();
        }
    }

    /** What YouTube refuses in a Video resource: the first problem, as {@code reason: message}. */
    private static Optional<String> invalid(JsonNode body) {
        JsonNode snippet = body.path("snippet");
        JsonNode status = body.path("status");
        String title = snippet.path("title").asText("");
        String description = snippet.path("description").asText("");
        if (title.isBlank() || title.codePointCount(0, title.length()) > 100 || title.matches("(?s).*[<>].*")) {
            return Optional.of("invalidTitle: the title is empty, longer than 100 characters, or has < or >");
        }
        if (description.getBytes(StandardCharsets.UTF_8).length > 5000 || description.matches("(?s).*[<>].*")) {
            return Optional.of("invalidDescription: the description is longer than 5000 bytes or has < or >");
        }
        int tagCharacters = 0;
        for (JsonNode tag : snippet.path("tags")) {
            tagCharacters += tag.asText().length() + (tag.asText().contains(" ") ? 2 : 0);
        }
        if (tagCharacters > 500) {
            return Optional.of("invalidTags: the tags are longer than 500 characters in all");
        }
        if (!PRIVACY.contains(status.path("privacyStatus").asText())) {
            return Optional.of("invalidPrivacyStatus: privacyStatus must be public, unlisted or private");
        }
        if (status.has("publishAt") && !"private".equals(status.path("privacyStatus").asText())) {
            return Optional.of("invalidPublishAt: publishAt needs privacyStatus private");
        }
        if (!status.path("selfDeclaredMadeForKids").isBoolean()) {
            return Optional.of("invalidVideoMetadata: status.selfDeclaredMadeForKids is required");
        }
        return Optional.empty();
    }

    /** A chunk, or (an empty body with {@code bytes *}{@code /TOTAL}) a question about how far the upload got. */
    private void upload(RoutingContext call, EmulatorContext context, YouTubeChannel channel) {
        String range = String.valueOf(call.request().getHeader("Content-Range"));
        Matcher chunk = RANGE.matcher(range);
        Matcher query = STATUS_QUERY.matcher(range);
        boolean last = chunk.matches() && Long.parseLong(chunk.group(2)) + 1 == Long.parseLong(chunk.group(3));
        Optional<OpenedRequest> opened = context.admit(call, PROVIDER + (last ? "-finish" : "-upload"), authorized(call, channel), ERRORS);
        if (opened.isEmpty()) {
            return;
        }
        Optional<Fault> fault = opened.get().fault();
        Optional<YouTubeChannel.Session> found = channel.session(String.valueOf(call.request().getParam("upload_id")));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "notFound", "The upload session does not exist or has expired."));
            return;
        }
        YouTubeChannel.Session session = found.get();
        if (query.matches()) {
            context.finish(call, fault, () -> answer(call, session, session.videoId == null ? Optional.empty() : channel.video(session.videoId)));
            return;
        }
        byte[] bytes = body(call);
        if (!chunk.matches() || Long.parseLong(chunk.group(3)) != session.size) {
            EmulatorContext.json(call, 400, error(400, "badContentRange", "Content-Range must be bytes FIRST-LAST/" + session.size));
            return;
        }
        long first = Long.parseLong(chunk.group(1));
        long length = Long.parseLong(chunk.group(2)) - first + 1;
        if (first != session.received || length != bytes.length) {
            EmulatorContext.json(call, 400, error(400, "badContentRange", "expected " + bytes.length + " bytes from byte " + session.received
                    + ", got Content-Range " + range));
            return;
        }
        if (!last && length % CHUNK_QUANTUM != 0) {
            EmulatorContext.json(call, 400, error(400, "badChunkSize", "a chunk other than the last must be a multiple of 262144 bytes"));
            return;
        }
        if (Fault.is(fault, Fault.Kind.CUT_OFF)) {
            channel.receive(session, length / 2, Instant.now());
            call.request().connection().close();
            return;
        }
        Optional<ObjectNode> video = channel.receive(session, length, Instant.now());
        context.finish(call, fault, () -> answer(call, session, video));
    }

    /** {@code 201} with the video once the upload is whole, else {@code 308} with the bytes received so far. */
    private static void answer(RoutingContext call, YouTubeChannel.Session session, Optional<ObjectNode> video) {
        if (video.isPresent()) {
            EmulatorContext.json(call, 201, video.get().toString());
            return;
        }
        call.response().setStatusCode(308).setStatusMessage("Resume Incomplete");
        if (session.received > 0) {
            call.response().putHeader("Range", "bytes=0-" + (session.received - 1));
        }
        call.response().end();
    }

    /**
     * A resumable {@code thumbnails.set} begins: the session URI in {@code Location}. A thumbnail is at most 2 MB, less
     * than the chunk Google's clients send by default, so the emulator takes it in one piece.
     */
    private void openThumbnailUpload(RoutingContext call, EmulatorContext context, YouTubeChannel channel, Optional<Fault> fault) {
        OptionalLong size = declaredSize(call);
        if (size.isEmpty()) {
            return;
        }
        String videoId = String.valueOf(call.request().getParam("videoId"));
        String id = channel.openThumbnailUpload(new YouTubeChannel.ThumbnailUpload(videoId, size.getAsLong()));
        context.finish(call, fault, () -> call.response().setStatusCode(200).putHeader("Location", context.baseUrl()
                + "/upload/youtube/v3/thumbnails/set?uploadType=resumable&upload_id=" + id + "&videoId=" + videoId).end());
    }

    /** The image of a resumable {@code thumbnails.set}, all of it in this {@code PUT}. */
    private void thumbnailUpload(RoutingContext call, EmulatorContext context, YouTubeChannel channel, Optional<Fault> fault) {
        Optional<YouTubeChannel.ThumbnailUpload> upload = channel.thumbnailUpload(String.valueOf(call.request().getParam("upload_id")));
        if (upload.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "notFound", "The upload session does not exist or has expired."));
            return;
        }
        long size = upload.get().size();
        String whole = "bytes 0-" + (size - 1) + "/" + size;
        if (!whole.equals(call.request().getHeader("Content-Range")) || body(call).length != size) {
            EmulatorContext.json(call, 400, error(400, "badContentRange", "the emulator takes a thumbnail in one piece: Content-Range " + whole));
            return;
        }
        thumbnail(call, context, channel, fault, upload.get().videoId());
    }

    private void thumbnail(RoutingContext call, EmulatorContext context, YouTubeChannel channel, Optional<Fault> fault, String videoId) {
        byte[] image = body(call);
        String head = new String(image, 0, Math.min(image.length, 4), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("\u00FF\u00D8\u00FF") && !head.startsWith("\u0089PNG")) {
            EmulatorContext.json(call, 400, error(400, "invalidImage", "The thumbnail is not a JPEG or PNG image."));
            return;
        }
        if (!channel.setThumbnail(videoId)) {
            EmulatorContext.json(call, 404, error(404, "videoNotFound", "The video that you are trying to update cannot be found."));
            return;
        }
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, "{\"kind\":\"youtube#thumbnailSetResponse\",\"items\":"
                + "[{\"default\":{\"url\":\"" + context.baseUrl() + "/vi/" + videoId + "/default.jpg\"}}]}"));
    }

    /**
     * {@code videos.list?id=a,b}: the videos found, with the parts asked for; {@code uploaded} while processing, then
     * {@code processed} (or {@code failed}), which {@code processingDetails} tells as {@code processing}, {@code succeeded}
     * (or {@code failed}).
     */
    private void list(RoutingContext call, EmulatorContext context, YouTubeChannel channel) {
        ObjectNode answer = context.json().createObjectNode().put("kind", "youtube#videoListResponse");
        ArrayNode items = answer.putArray("items");
        List<String> parts = listParameter(call, "part");
        for (String id : listParameter(call, "id")) {
            channel.listed(id).ifPresent(video -> items.add(withParts(video, parts, context.audience())));
        }
        EmulatorContext.json(call, 200, answer.toString());
    }

    private static ObjectNode withParts(ObjectNode video, List<String> parts, Audience audience) {
        String id = video.path("id").asText();
        ObjectNode listed = video.objectNode().put("kind", "youtube#video").put("id", id);
        for (String part : List.of("snippet", "status")) {
            if (parts.contains(part)) {
                listed.set(part, video.path(part));
            }
        }
        if (parts.contains("processingDetails")) {
            String processing = switch (video.path("status").path("uploadStatus").asText()) {
                case "processed" -> "succeeded";
                case "failed" -> "failed";
                default -> "processing";
            };
            listed.putObject("processingDetails").put("processingStatus", processing);
        }
        if (parts.contains("statistics")) {
            AudienceEmulation.addStatistics(listed, audience.counters(id).orElse(Map.of()));
        }
        return listed;
    }

    /** A list parameter's values, whether comma-separated ({@code part=snippet,status}) or repeated ({@code part=snippet&part=status}). */
    static List<String> listParameter(RoutingContext call, String name) {
        return call.request().params().getAll(name).stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    private static byte[] body(RoutingContext call) {
        return call.body().buffer() == null ? new byte[0] : call.body().buffer().getBytes();
    }

    /** {@code playlistItems.list} of the uploads playlist: the newest {@code maxResults} (default 5) video ids. */
    private void uploads(RoutingContext call, EmulatorContext context, YouTubeChannel channel) {
        if (!"UUemulator".equals(call.request().getParam("playlistId"))) {
            EmulatorContext.json(call, 404, error(404, "playlistNotFound", "The playlist cannot be found."));
            return;
        }
        int max = Integer.parseInt(Optional.ofNullable(call.request().getParam("maxResults")).orElse("5"));
        ObjectNode answer = context.json().createObjectNode().put("kind", "youtube#playlistItemListResponse");
        ArrayNode items = answer.putArray("items");
        channel.uploadsNewestFirst().stream().limit(max)
                .forEach(id -> items.addObject().put("kind", "youtube#playlistItem").putObject("contentDetails").put("videoId", id));
        EmulatorContext.json(call, 200, answer.toString());
    }

    private static Optional<Reply> notResumable(RoutingContext call) {
        return "resumable".equals(call.request().getParam("uploadType")) && listParameter(call, "part").contains("snippet")
                ? Optional.empty()
                : Optional.of(new Reply(400, error(400, "badRequest", "uploadType=resumable and part=snippet,status are required")));
    }

    static boolean authorized(RoutingContext call, YouTubeChannel channel) {
        String header = call.request().getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") && channel.valid(header.substring("Bearer ".length()));
    }

    private static String quotaExceeded() {
        return "{\"error\":{\"code\":403,\"message\":\"The request cannot be completed because you have exceeded your quota.\","
                + "\"errors\":[{\"message\":\"The request cannot be completed because you have exceeded your quota.\","
                + "\"domain\":\"youtube.quota\",\"reason\":\"quotaExceeded\"}]}}";
    }

    /** Google's error body: {@code {"error":{"code","message","errors":[{"reason"}]}}}. */
    static String error(int status, String message) {
        String reason = switch (status) {
            case 401 -> "authError";
            case 429 -> "rateLimitExceeded";
            default -> status >= 500 ? "backendError" : "badRequest";
        };
        return error(status, reason, message);
    }

    static String error(int status, String reason, String message) {
        String text = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"error\":{\"code\":" + status + ",\"message\":\"" + text + "\",\"errors\":[{\"message\":\"" + text
                + "\",\"domain\":\"global\",\"reason\":\"" + reason + "\"}]}}";
    }
}
