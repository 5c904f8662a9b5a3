package io.cutline.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The platforms' metrics endpoints, answering from the {@link Audience} truth: YouTube Analytics v2
 * {@code GET /v2/reports} (a result table, {@code dimensions=video}, the videos in
 * {@code filters=video==a,b}, only those with analytics), the Data API's
 * {@code GET /youtube/v3/videos?part=statistics} (counters as strings, at most 50 ids, 1 quota unit) and
 * TikTok's {@code POST /v2/video/query/} (at most 20 ids) and Instagram's media insights
 * {@code GET /graph/{v}/{media-id}/insights?metric=...} (one reel a call; watch times in milliseconds;
 * no data yet is an empty {@code data}). Faults: {@code youtube-analytics}, {@code youtube-statistics},
 * {@code tiktok-metrics}, {@code instagram-insights}; each call is counted under that name.
 */
final class AudienceEmulation implements ProviderEmulator.Emulation {

    private static final List<String> STATISTICS = List.of("views:viewCount", "likes:likeCount", "comments:commentCount");
    private static final Map<String, String> TIKTOK = Map.of("views", "view_count", "likes", "like_count", "comments", "comment_count",
            "shares", "share_count");

    @Override
    public void register(Router router, EmulatorContext context) {
        YouTubeChannel channel = context.youtube();
        Audience audience = context.audience();
        router.get("/v2/reports").handler(call -> context.admit(call, "youtube-analytics", YouTubeEmulation.authorized(call, channel),
                YouTubeEmulation.ERRORS).ifPresent(opened -> context.finish(call, opened.fault(), () -> report(call, context, audience))));
        // videos.list serves the publisher (by id, YouTubeEmulation) and, with part=statistics, the metrics here
        router.get("/youtube/v3/videos").handler(call -> {
            if (!YouTubeEmulation.listParameter(call, "part").equals(List.of("statistics"))) {
                call.next();
                return;
            }
            context.admit(call, "youtube-statistics", YouTubeEmulation.authorized(call, channel), YouTubeEmulation.ERRORS)
                    .ifPresent(opened -> context.finish(call, opened.fault(), () -> statistics(call, context, audience)));
        });
        router.get("/graph/:version/:id/insights").handler(call -> context.admit(call, "instagram-insights",
                InstagramEmulation.authorized(call, context, context.instagram()), InstagramEmulation.ERRORS)
                .ifPresent(opened -> context.finish(call, opened.fault(), () -> instagram(call, context, audience))));
        router.post("/v2/video/query/").handler(call -> context.open(call, "tiktok-metrics", TikTokEmulation.authorized(call, context.tiktok()),
                TikTokEmulation.ERRORS).ifPresent(opened -> context.finish(call, opened.fault(), () -> tiktok(call, context, audience, opened.body()))));
    }

    private static void report(RoutingContext call, EmulatorContext context, Audience audience) {
        String filters = String.valueOf(call.request().getParam("filters"));
        String metrics = String.valueOf(call.request().getParam("metrics"));
        if (!"channel==MINE".equals(call.request().getParam("ids")) || call.request().getParam("startDate") == null
                || call.request().getParam("endDate") == null || !filters.startsWith("video==") || !"video".equals(call.request().getParam("dimensions"))) {
            EmulatorContext.json(call, 400, YouTubeEmulation.error(400, "badRequest", "ids, startDate, endDate, dimensions=video and filters=video== are required"));
            return;
        }
        ObjectNode table = context.json().createObjectNode().put("kind", "youtubeAnalytics#resultTable");
        ArrayNode headers = table.putArray("columnHeaders");
        headers.addObject().put("name", "video").put("columnType", "DIMENSION").put("dataType", "STRING");
        List<String> names = List.of(metrics.split(","));
        names.forEach(name -> headers.addObject().put("name", name).put("columnType", "METRIC").put("dataType", "FLOAT"));
        ArrayNode rows = table.putArray("rows");
        for (String id : filters.substring("video==".length()).split(",")) {
            audience.analytics(id).ifPresent(values -> {
                ArrayNode row = rows.addArray().add(id);
                names.forEach(name -> row.add(values.getOrDefault(name, 0.0)));
            });
        }
        EmulatorContext.json(call, 200, table.toString());
    }

    private static void statistics(RoutingContext call, EmulatorContext context, Audience audience) {
        List<String> ids = YouTubeEmulation.listParameter(call, "id");
        if (ids.size() > 50) {
            EmulatorContext.json(call, 400, YouTubeEmulation.error(400, "badRequest", "at most 50 ids in one videos.list"));
            return;
        }
        ObjectNode answer = context.json().createObjectNode().put("kind", "youtube#videoListResponse");
        ArrayNode items = answer.putArray("items");
        for (String id : ids) {
            audience.counters(id).ifPresent(values -> addStatistics(items.addObject().put("kind", "youtube#video").put("id", id), values));
        }
        EmulatorContext.json(call, 200, answer.toString());
    }

    /** A video's {@code statistics} part: its counters as strings, as the Data API sends them ({@code "0"} for one not counted). */
    static void addStatistics(ObjectNode video, Map<String, Double> counters) {
        ObjectNode statistics = video.putObject("statistics");
        STATISTICS.forEach(pair -> statistics.put(pair.split(":")[1], String.valueOf(counters.getOrDefault(pair.split(":")[0], 0.0).longValue())));
    }

    private static void instagram(RoutingContext call, EmulatorContext context, Audience audience) {
        String mediaId = call.pathParam("id");
        if (context.instagram().media(mediaId).isEmpty()) {
            EmulatorContext.json(call, 400, InstagramEmulation.error(100, 33, "Unsupported get request. Object with ID '" + mediaId
                    + "' does not exist"));
            return;
        }
        ObjectNode answer = context.json().createObjectNode();
        ArrayNode data = answer.putArray("data");
        audience.analytics(mediaId).ifPresent(values -> {
            Map<String, Double> insights = Map.of("views", values.get("views"), "reach", Math.floor(values.get("views") * 0.8),
                    "likes", values.get("likes"), "comments", values.get("comments"), "shares", values.get("shares"),
                    "saved", Math.floor(values.get("views") * 0.01), "ig_reels_avg_watch_time", values.get("averageViewDuration") * 1000,
                    "ig_reels_video_view_total_time", values.get("estimatedMinutesWatched") * 60_000);
            for (String metric : String.valueOf(call.request().getParam("metric")).split(",")) {
                if (insights.containsKey(metric)) {
                    data.addObject().put("name", metric).put("period", "lifetime").put("title", metric)
                            .put("id", mediaId + "/insights/" + metric + "/lifetime")
                            .putArray("values").addObject().put("value", insights.get(metric).longValue());
                }
            }
        });
        EmulatorContext.json(call, 200, answer.toString());
    }

    private static void tiktok(RoutingContext call, EmulatorContext context, Audience audience, JsonNode body) {
        JsonNode ids = body.path("filters").path("video_ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 20) {
            EmulatorContext.json(call, 400, TikTokEmulation.error("invalid_params", "filters.video_ids must hold 1 to 20 ids"));
            return;
        }
        ObjectNode answer = context.json().createObjectNode();
        ArrayNode videos = answer.putObject("data").putArray("videos");
        for (JsonNode id : ids) {
            Optional<Map<String, Double>> counters = audience.counters(id.asText());
            counters.ifPresent(values -> {
                ObjectNode video = videos.addObject().put("id", id.asText());
                TIKTOK.forEach((name, field) -> video.put(field, values.get(name).longValue()));
            });
        }
        answer.putObject("error").put("code", "ok").put("message", "").put("log_id", "emu");
        EmulatorContext.json(call, 200, answer.toString());
    }
}
