package io.cutline.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * TikTok's Content Posting API (direct post, {@code FILE_UPLOAD}) and its OAuth token endpoint:
 * {@code POST /v2/oauth/token/} (refresh-token grant, {@code client_key}; each refresh answers a new
 * refresh token, and the one sent is refused from then on with {@code invalid_grant}; the emulator's
 * key is the refresh token until the first refresh), {@code creator_info/query},
 * {@code video/init} (the documented chunk rules: under 5 MB one chunk, else chunks of 5–64 MB,
 * {@code total_chunk_count = floor(video_size / chunk_size)}, the last one taking the rest), {@code PUT}
 * of the chunks in order with {@code Content-Range} ({@code 206}, the last {@code 201}), and
 * {@code status/fetch} (PROCESSING_UPLOAD, then PUBLISH_COMPLETE with {@code publicaly_available_post_id}
 * for a public post, or FAILED with {@code fail_reason}). An unaudited app may only post {@code SELF_ONLY}.
 * Faults are drawn per endpoint: {@code tiktok-token}, {@code tiktok-creator}, {@code tiktok} (the init:
 * also {@code quota-exceeded}, {@code failed} and {@code never-live} for the post it makes),
 * {@code tiktok-upload}, {@code tiktok-finish} (the last chunk), {@code tiktok-poll}.
 */
final class TikTokEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "tiktok";
    private static final long MB = 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final List<String> PRIVACY = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");
    static final ErrorStyle ERRORS = new ErrorStyle(TikTokEmulation::error,
            new Reply(401, error("access_token_invalid", "The access token is invalid or not found in the request.")),
            new Reply(400, error("invalid_params", "The request body is not JSON.")));

    @Override
    public void register(Router router, EmulatorContext context) {
        TikTokAccount account = context.tiktok();
        router.post("/v2/oauth/token/").handler(call -> token(call, context, account));
        router.post("/v2/post/publish/creator_info/query/").handler(call -> context.admit(call, PROVIDER + "-creator",
                authorized(call, account), ERRORS).ifPresent(opened -> creator(call, context)));
        router.post("/v2/post/publish/video/init/").handler(call -> context.open(call, PROVIDER, authorized(call, account), ERRORS)
                .ifPresent(opened -> init(call, context, account, opened)));
        router.put("/tiktok-upload/video/").handler(call -> upload(call, context, account));
        router.post("/v2/post/publish/status/fetch/").handler(call -> context.open(call, PROVIDER + "-poll", authorized(call, account), ERRORS)
                .ifPresent(opened -> status(call, context, account, opened)));
    }

    private void token(RoutingContext call, EmulatorContext context, TikTokAccount account) {
        Optional<Fault> fault = context.begin(PROVIDER + "-token");
        if (context.refused(call, fault, true, ERRORS)) {
            return;
        }
        Map<String, String> form = EmulatorContext.form(call.body().asString());
        if (!"refresh_token".equals(form.get("grant_type")) || form.getOrDefault("client_key", "").isBlank()
                || !context.apiKey().equals(form.get("client_secret"))) {
            invalidGrant(call);
            return;
        }
        String presented = form.getOrDefault("refresh_token", "");
        // rotated as the answer goes out: a reply lost on the way (a fault) leaves the token sent valid, so that runs with
        // faults do not end with a refresh token nobody holds (what TikTok does then is not documented)
        context.finish(call, fault, () -> account.rotate(presented, context.apiKey()).ifPresentOrElse(rotated -> EmulatorContext.json(call, 200,
                context.json().createObjectNode().put("access_token", account.issueToken()).put("expires_in", 86400)
                        .put("open_id", "emulated-open-id").put("refresh_token", rotated).put("refresh_expires_in", 31536000)
                        .put("scope", "video.publish").put("token_type", "Bearer").toString()), () -> invalidGrant(call)));
    }

    private static void invalidGrant(RoutingContext call) {
        EmulatorContext.json(call, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token is invalid or expired.\","
                + "\"log_id\":\"emu\"}");
    }

    private void creator(RoutingContext call, EmulatorContext context) {
        ObjectNode data = context.json().createObjectNode().put("creator_username", "emulated_creator")
                .put("creator_nickname", "Emulated Creator").put("creator_avatar_url", context.baseUrl() + "/avatar.jpg")
                .put("comment_disabled", false).put("duet_disabled", false).put("stitch_disabled", false)
                .put("max_video_post_duration_sec", 600);
        PRIVACY.forEach(data.putArray("privacy_level_options")::add);
        EmulatorContext.json(call, 200, ok(data));
    }

    private void init(RoutingContext call, EmulatorContext context, TikTokAccount account, OpenedRequest opened) {
        if (Fault.is(opened.fault(), Fault.Kind.QUOTA_EXCEEDED)) {
            EmulatorContext.json(call, 403, error("spam_risk_too_many_posts", "The daily post cap for this creator is reached."));
            return;
        }
        JsonNode post = opened.body().path("post_info");
        JsonNode source = opened.body().path("source_info");
        String privacy = post.path("privacy_level").asText("");
        if (post.path("title").asText("").length() > 2200) {
            EmulatorContext.json(call, 400, error("invalid_params", "post_info.title is longer than 2200 UTF-16 runes"));
            return;
        }
        if (!PRIVACY.contains(privacy)) {
            EmulatorContext.json(call, 400, error("privacy_level_option_mismatch", "privacy_level is not one of the creator's options"));
            return;
        }
        if (!account.isAudited() && !privacy.equals("SELF_ONLY")) {
            EmulatorContext.json(call, 403, error("unaudited_client_can_only_post_to_private_accounts",
                    "Unaudited clients can only post with SELF_ONLY privacy."));
            return;
        }
        if (!"FILE_UPLOAD".equals(source.path("source").asText())) {
            EmulatorContext.json(call, 400, error("invalid_params", "source_info.source must be FILE_UPLOAD here"));
            return;
        }
        long size = source.path("video_size").asLong();
        long chunk = source.path("chunk_size").asLong();
        int chunks = source.path("total_chunk_count").asInt();
        boolean whole = chunk == size && chunks == 1 && size <= 64 * MB;
        boolean chunked = size >= 5 * MB && chunk >= 5 * MB && chunk <= 64 * MB && chunks == size / chunk && chunks <= 1000;
        if (size <= 0 || !(whole || chunked) || size < 5 * MB && !whole) {
            EmulatorContext.json(call, 400, error("invalid_params", "video_size, chunk_size and total_chunk_count break the chunk rules"));
            return;
        }
        TikTokAccount.Post created = account.create(((ObjectNode) post).deepCopy(), size, chunk, chunks, opened.fault());
        ObjectNode data = context.json().createObjectNode().put("publish_id", created.publishId)
                .put("upload_url", context.baseUrl() + "/tiktok-upload/video/?upload_id=" + created.uploadId + "&upload_token=emu");
        context.finish(call, opened.fault(), () -> EmulatorContext.json(call, 200, ok(data)));
    }

    /** A chunk, in order: the first byte must be where the received bytes end, the length the chunk's. */
    private void upload(RoutingContext call, EmulatorContext context, TikTokAccount account) {
        String range = String.valueOf(call.request().getHeader("Content-Range"));
        Matcher matcher = RANGE.matcher(range);
        boolean last = matcher.matches() && Long.parseLong(matcher.group(2)) + 1 == Long.parseLong(matcher.group(3));
        Optional<OpenedRequest> opened = context.admit(call, PROVIDER + (last ? "-finish" : "-upload"), true, ERRORS);
        if (opened.isEmpty()) {
            return;
        }
        Optional<TikTokAccount.Post> found = account.upload(String.valueOf(call.request().getParam("upload_id")));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 404, error("invalid_params", "unknown upload_id"));
            return;
        }
        TikTokAccount.Post post = found.get();
        byte[] bytes = call.body().buffer() == null ? new byte[0] : call.body().buffer().getBytes();
        if (!matcher.matches() || Long.parseLong(matcher.group(3)) != post.size) {
            EmulatorContext.json(call, 400, error("invalid_file_upload", "Content-Range must be bytes FIRST-LAST/" + post.size));
            return;
        }
        long first = Long.parseLong(matcher.group(1));
        long index = first / post.chunkSize;
        long expected = index == post.chunks - 1 ? post.size - first : post.chunkSize;
        if (first != post.received || first % post.chunkSize != 0 || bytes.length != expected
                || Long.parseLong(matcher.group(2)) - first + 1 != expected) {
            EmulatorContext.json(call, 400, error("invalid_file_upload", "expected chunk " + (post.received / post.chunkSize) + " of "
                    + expected + " bytes from byte " + post.received + ", got " + bytes.length + " bytes as " + range));
            return;
        }
        boolean whole = account.receive(post, bytes.length);
        context.finish(call, opened.get().fault(), () -> call.response().setStatusCode(whole ? 201 : 206).end());
    }

    private void status(RoutingContext call, EmulatorContext context, TikTokAccount account, OpenedRequest opened) {
        Optional<TikTokAccount.Post> found = account.post(opened.body().path("publish_id").asText(""));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 400, error("invalid_publish_id", "publish_id not found"));
            return;
        }
        TikTokAccount.Post post = account.poll(found.get());
        ObjectNode data = context.json().createObjectNode().put("status", post.status).put("fail_reason", post.failReason)
                .put("uploaded_bytes", post.received).put("downloaded_bytes", 0);
        var ids = data.putArray("publicaly_available_post_id");
        if (post.postId != null && post.postInfo.path("privacy_level").asText().equals("PUBLIC_TO_EVERYONE")) {
            ids.add(Long.parseLong(post.postId));
        }
        context.finish(call, opened.fault(), () -> EmulatorContext.json(call, 200, ok(data)));
    }

    static boolean authorized(RoutingContext call, TikTokAccount account) {
        String header = call.request().getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") && account.valid(header.substring("Bearer ".length()));
    }

    private static String ok(ObjectNode data) {
        return "{\"data\":" + data + ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"emu\"}}";
    }

    /** TikTok's error body for a fault's status: {@code {"data":{},"error":{"code","message","log_id"}}}. */
    static String error(int status, String message) {
        String code = switch (status) {
            case 401 -> "access_token_invalid";
            case 429 -> "rate_limit_exceeded";
            default -> status >= 500 ? "internal_error" : "invalid_params";
        };
        return error(code, message);
    }

    static String error(String code, String message) {
        return "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\",\"log_id\":\"emu\"}}";
    }
}
