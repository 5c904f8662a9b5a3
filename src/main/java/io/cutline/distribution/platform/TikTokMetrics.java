package io.cutline.distribution.platform;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;

/**
 * TikTok metrics: the Display API's {@code video/query} (views, likes, comments, shares; up to 20 ids
 * a call, {@code metrics-batch}). TikTok gives no watch time or completion rate there, so a TikTok
 * video has no average view percentage: the objective counts it only through its views.
 */
public class TikTokMetrics implements MetricsCollector {

    private static final Pattern POST = Pattern.compile("/video/(\\d+)");
    private static final int MAX_BATCH = 20;
    private static final Map<String, String> FIELDS = Map.of("view_count", "views", "like_count", "likes", "comment_count", "comments",
            "share_count", "shares");

    private final ProviderSettings settings;
    private final ObjectMapper json;
    private final PlatformHttp api;
    private final int batch;

    /** The publishing block's credentials and {@code base-url}, and {@code metrics-batch}. */
    public TikTokMetrics(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.json = kit.json();
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(),
                new RefreshedAccessToken(settings, "client_key", kit.http(), kit.json(), Clock.systemUTC()), "/error/code", "/error/message");
        this.batch = settings.integer("metrics-batch");
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalStateException("property " + settings.property("metrics-batch") + " must be 1 to " + MAX_BATCH + ", got " + batch);
        }
    }

    @Override
    public Optional<String> videoId(String location) {
        Matcher matcher = POST.matcher(location == null ? "" : location);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public Map<String, Reading> collect(List<String> videoIds) {
        Map<String, Reading> readings = new HashMap<>();
        for (int from = 0; from < videoIds.size(); from += batch) {
            ObjectNode body = json.createObjectNode();
            body.putObject("filters").putArray("video_ids").addAll(videoIds.subList(from, Math.min(videoIds.size(), from + batch)).stream()
                    .map(json.getNodeFactory()::textNode).toList());
            JsonNode data = api.json(token -> HttpGateway.Call.json("POST",
                    settings.url("v2/video/query/?fields=id," + String.join(",", FIELDS.keySet())), Map.of("Authorization", "Bearer " + token),
                    body.toString())).path("data");
            for (JsonNode video : data.path("videos")) {
                Map<String, Double> metrics = new HashMap<>();
                FIELDS.forEach((field, name) -> {
                    if (video.path(field).isNumber()) {
                        metrics.put(name, video.path(field).asDouble());
                    }
                });
                if (!metrics.isEmpty()) {
                    readings.put(video.path("id").asText(), new Reading("tiktok-video-query", metrics));
                }
            }
        }
        return readings;
    }
}
