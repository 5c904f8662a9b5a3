package io.cutline.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The Instagram Graph API (Instagram Login) as far as publishing Reels needs it, under
 * {@code /graph} (graph.instagram.com) and {@code /rupload} (rupload.facebook.com):
 * {@code GET /graph/refresh_access_token} ({@code ig_refresh_token}),
 * {@code GET /graph/{v}/{user}/content_publishing_limit}, {@code POST /graph/{v}/{user}/media} (a
 * {@code REELS} container from {@code video_url}, which the emulator fetches as Meta does, or with
 * {@code upload_type=resumable}, answering the {@code uri} to upload to), {@code POST /rupload/...}
 * with {@code offset} and {@code file_size} headers ({@code GET} on it tells the offset reached, ⚠
 * an assumption), {@code GET /graph/{v}/{id}} (a container's {@code status_code}, or a reel's
 * {@code permalink}), {@code GET /graph/{v}/{user}/media} (the reels, newest first) and
 * {@code POST /graph/{v}/{user}/media_publish}. Parameters come in the query or a form body; the
 * token in {@code Authorization: OAuth|Bearer} or {@code access_token}. Errors are Graph's
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. Faults are drawn per
 * endpoint: {@code instagram-token}, {@code instagram-limit}, {@code instagram} (the container: also
 * {@code quota-exceeded}, and {@code failed} and {@code never-live} for its processing),
 * {@code instagram-upload} (also {@code cut-off}), {@code instagram-poll}, {@code instagram-list},
 * {@code instagram-publish}.
 */
final class InstagramEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "instagram";
    static final ErrorStyle ERRORS = new ErrorStyle(InstagramEmulation::error,
            new Reply(401, error(190, 0, "Invalid OAuth access token - Cannot parse access token")),
            new Reply(400, error(100, 0, "Invalid parameter")));

    @Override
    public void register(Router router, EmulatorContext context) {
        InstagramAccount account = context.instagram();
        router.get("/graph/refresh_access_token").handler(call -> refresh(call, context, account));
        router.get("/graph/:version/:user/content_publishing_limit").handler(call -> admit(call, context, account, "-limit")
                .ifPresent(opened -> EmulatorContext.json(call, 200, "{\"data\":[{\"quota_usage\":" + account.quotaUsage()
                        + ",\"config\":{\"quota_total\":" + account.quotaTotalNow() + ",\"quota_duration\":86400}}]}")));
        router.post("/graph/:version/:user/media").handler(call -> admit(call, context, account, "")
                .ifPresent(opened -> create(call, context, account, opened.fault())));
        router.get("/graph/:version/:user/media").handler(call -> admit(call, context, account, "-list")
                .ifPresent(opened -> recent(call, context, account)));
        router.post("/graph/:version/:user/media_publish").handler(call -> admit(call, context, account, "-publish")
                .ifPresent(opened -> publish(call, context, account, opened.fault())));
        router.get("/graph/:version/:id").handler(call -> admit(call, context, account, "-poll")
                .ifPresent(opened -> node(call, context, account, opened.fault())));
        router.post("/rupload/ig-api-upload/:version/:container").handler(call -> admit(call, context, account, "-upload")
                .ifPresent(opened -> upload(call, context, account, opened.fault())));
        router.get("/rupload/ig-api-upload/:version/:container").handler(call -> admit(call, context, account, "-upload")
                .ifPresent(opened -> container(call, account).ifPresent(container ->
                        EmulatorContext.json(call, 200, "{\"offset\":" + container.received + "}"))));
    }

    private static Optional<OpenedRequest> admit(RoutingContext call, EmulatorContext context, InstagramAccount account, String endpoint) {
        return context.admit(call, PROVIDER + endpoint, authorized(call, context, account), ERRORS);
    }

    private void refresh(RoutingContext call, EmulatorContext context, InstagramAccount account) {
        Map<String, String> params = params(call);
        Optional<Fault> fault = context.begin(PROVIDER + "-token");
        if (context.refused(call, fault, true, ERRORS)) {
            return;
        }
        if (!"ig_refresh_token".equals(params.get("grant_type")) || !account.valid(params.getOrDefault("access_token", ""), context.apiKey())) {
            EmulatorContext.json(call, 400, error(190, 463, "Error validating access token: Session has expired"));
            return;
        }
        String token = account.refresh();
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, context.json().createObjectNode().put("access_token", token)
                .put("token_type", "bearer").put("expires_in", 5_183_944).toString()));
    }

    private void create(RoutingContext call, EmulatorContext context, InstagramAccount account, Optional<Fault> fault) {
        Map<String, String> params = params(call);
        if (Fault.is(fault, Fault.Kind.QUOTA_EXCEEDED)) {
            EmulatorContext.json(call, 400, error(9, 2_207_042, "You reached the maximum number of posts that is allowed to be published by Content Publishing API."));
            return;
        }
        String caption = params.getOrDefault("caption", "");
        if (!"REELS".equals(params.get("media_type"))) {
            EmulatorContext.json(call, 400, error(100, 2_207_023, "The media type must be REELS here"));
            return;
        }
        if (caption.length() > 2200 || caption.split("#", -1).length - 1 > 30) {
            EmulatorContext.json(call, 400, error(100, 2_207_010, "The caption is longer than 2200 characters or has more than 30 hashtags"));
            return;
        }
        boolean resumable = "resumable".equals(params.get("upload_type"));
        String videoUrl = params.getOrDefault("video_url", "");
        if (resumable == !videoUrl.isEmpty()) {
            EmulatorContext.json(call, 400, error(100, 0, "Give either video_url or upload_type=resumable"));
            return;
        }
        InstagramAccount.Container container = account.create(caption, fault);
        ObjectNode answer = context.json().createObjectNode().put("id", container.id);
        if (resumable) {
            answer.put("uri", context.baseUrl() + "/rupload/ig-api-upload/" + call.pathParam("version") + "/" + container.id);
        } else {
            context.fetch(videoUrl, size -> {
                container.size = size;
                account.receive(container, 0);
            }, why -> account.unreachable(container, why));
        }
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer.toString()));
    }

    /** Bytes from {@code offset}, which must be where the received bytes end; {@code file_size} the whole file's. */
    private void upload(RoutingContext call, EmulatorContext context, InstagramAccount account, Optional<Fault> fault) {
        Optional<InstagramAccount.Container> found = container(call, account);
        if (found.isEmpty()) {
            return;
        }
        InstagramAccount.Container container = found.get();
        byte[] bytes = call.body().buffer() == null ? new byte[0] : call.body().buffer().getBytes();
        long offset;
        long size;
        try {
            offset = Long.parseLong(String.valueOf(call.request().getHeader("offset")));
            size = Long.parseLong(String.valueOf(call.request().getHeader("file_size")));
        } catch (NumberFormatException e) {
            EmulatorContext.json(call, 400, upload("the offset and file_size headers must be numbers"));
            return;
        }
        if (container.size >= 0 && size != container.size || offset != container.received || offset + bytes.length > size) {
            EmulatorContext.json(call, 400, upload("expected bytes from offset " + container.received + " of " + size + ", got "
                    + bytes.length + " from " + offset));
            return;
        }
        container.size = size;
        if (Fault.is(fault, Fault.Kind.CUT_OFF)) {
            account.receive(container, bytes.length / 2);
            call.request().connection().close();
            return;
        }
        account.receive(container, bytes.length);
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, "{\"success\":true,\"message\":\"Upload successful.\"}"));
    }

    private void node(RoutingContext call, EmulatorContext context, InstagramAccount account, Optional<Fault> fault) {
        String id = call.pathParam("id");
        Optional<InstagramAccount.Media> reel = account.media(id);
        if (reel.isPresent()) {
            EmulatorContext.json(call, 200, reel(context, reel.get()).toString());
            return;
        }
        account.container(id).ifPresentOrElse(container -> {
            InstagramAccount.Container polled = account.poll(container);
            ObjectNode answer = context.json().createObjectNode().put("status_code", polled.statusCode).put("status", polled.status)
                    .put("id", polled.id);
            context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer.toString()));
        }, () -> EmulatorContext.json(call, 400, error(100, 33, "Unsupported get request. Object with ID '" + id + "' does not exist")));
    }

    private void recent(RoutingContext call, EmulatorContext context, InstagramAccount account) {
        ObjectNode answer = context.json().createObjectNode();
        ArrayNode data = answer.putArray("data");
        int limit = Integer.parseInt(params(call).getOrDefault("limit", "25"));
        account.recent(limit).forEach(reel -> data.add(reel(context, reel)));
        EmulatorContext.json(call, 200, answer.toString());
    }

    private void publish(RoutingContext call, EmulatorContext context, InstagramAccount account, Optional<Fault> fault) {
        String id = params(call).getOrDefault("creation_id", "");
        Optional<InstagramAccount.Container> container = account.container(id);
        if (container.isEmpty() || !container.get().statusCode.equals("FINISHED") && !container.get().statusCode.equals("PUBLISHED")) {
            EmulatorContext.json(call, 400, error(9007, 2_207_027, "The media is not ready for publishing, please wait for a moment"));
            return;
        }
        if (container.get().statusCode.equals("PUBLISHED")) {
            EmulatorContext.json(call, 400, error(9007, 2_207_008, "The media has already been published"));
            return;
        }
        InstagramAccount.Media reel = account.publish(container.get());
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, "{\"id\":\"" + reel.id() + "\"}"));
    }

    private static ObjectNode reel(EmulatorContext context, InstagramAccount.Media reel) {
        return context.json().createObjectNode().put("id", reel.id()).put("caption", reel.caption()).put("media_type", "VIDEO")
                .put("media_product_type", "REELS").put("permalink", reel.permalink()).put("timestamp", reel.timestamp().toString());
    }

    private static Optional<InstagramAccount.Container> container(RoutingContext call, InstagramAccount account) {
        Optional<InstagramAccount.Container> found = account.container(call.pathParam("container"));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 400, upload("unknown container " + call.pathParam("container")));
        }
        return found;
    }

    /** The query parameters and a form body's fields, together (Graph takes either). */
    private static Map<String, String> params(RoutingContext call) {
        Map<String, String> params = new HashMap<>();
        call.queryParams().forEach(params::put);
        String type = String.valueOf(call.request().getHeader("Content-Type"));
        if (type.startsWith("application/x-www-form-urlencoded") && call.body().buffer() != null) {
            params.putAll(EmulatorContext.form(call.body().asString()));
        }
        return params;
    }

    static boolean authorized(RoutingContext call, EmulatorContext context, InstagramAccount account) {
        String header = String.valueOf(call.request().getHeader("Authorization"));
        String token = header.startsWith("OAuth ") ? header.substring(6) : header.startsWith("Bearer ") ? header.substring(7)
                : params(call).getOrDefault("access_token", "");
        return !token.isBlank() && account.valid(token, context.apiKey());
    }

    /** Graph's error for a fault's status: 401 an expired token (190/463), 429 throttling (4), 5xx a transient error (2). */
    static String error(int status, String message) {
        return switch (status) {
            case 401 -> error(190, 463, "Error validating access token: Session has expired");
            case 429 -> error(4, 0, "Application request limit reached");
            default -> status >= 500 ? error(2, 0, "An unexpected error has occurred. Please retry your request later.") : error(100, 0, message);
        };
    }

    static String error(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message.replace("\"", "'") + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"emu\"}}";
    }

    /** rupload's own error shape. */
    private static String upload(String message) {
        return "{\"debug_info\":{\"retriable\":false,\"type\":\"ProcessingFailedError\",\"message\":\"" + message.replace("\"", "'") + "\"}}";
    }
}
