package io.cutline.distribution.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;

/**
 * Instagram metrics: the Graph API's media insights of each reel ({@code GET /{media-id}/insights}:
 * views, reach, likes, comments, shares, saves, average and total watch time; one call a reel, as
 * insights take one media id). The media id is the fragment of the location the
 * {@link InstagramPublisher} records ({@code <permalink>#<media id>}); a reel Instagram gives no
 * insights for yet is left out (no data, not zero). Instagram gives average watch time, not the share
 * of the reel watched, so a reel has no average view percentage: the objective counts it only through
 * its views.
 */
public class InstagramMetrics implements MetricsCollector {

    private static final Pattern REEL = Pattern.compile("^https://www\\.instagram\\.com/reels?/[A-Za-z0-9_-]+/?#(\\d+)$");
    private static final String INSIGHTS = "views,reach,likes,comments,shares,saved,ig_reels_avg_watch_time,ig_reels_video_view_total_time";
    /** Insight name -> our metric name, and the factor to our unit (watch times come in milliseconds). */
    private static final Map<String, Conversion> METRICS = Map.of("views", new Conversion("views", 1), "reach", new Conversion("reach", 1),
            "likes", new Conversion("likes", 1), "comments", new Conversion("comments", 1), "shares", new Conversion("shares", 1),
            "saved", new Conversion("saves", 1), "ig_reels_avg_watch_time", new Conversion("averageViewDuration", 0.001),
            "ig_reels_video_view_total_time", new Conversion("estimatedMinutesWatched", 1 / 60_000.0));

    private record Conversion(String name, double factor) {
    }

    private final ProviderSettings settings;
    private final PlatformHttp api;

    /** The publishing block's {@code base-url} and token ({@link InstagramAccessToken}). */
    public InstagramMetrics(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(), new InstagramAccessToken(settings, kit.http(), kit.json()),
                "/error/code", "/error/message");
    }

    /** The reel's media id, from its location ({@code https://www.instagram.com/reel/<shortcode>/#<media id>}). */
    @Override
    public Optional<String> videoId(String location) {
        Matcher matcher = REEL.matcher(location == null ? "" : location);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public Map<String, Reading> collect(List<String> mediaIds) {
        Map<String, Reading> readings = new HashMap<>();
        for (String mediaId : mediaIds) {
            Map<String, Double> metrics = new HashMap<>();
            for (JsonNode insight : get(mediaId + "/insights?metric=" + INSIGHTS).path("data")) {
                Conversion conversion = METRICS.get(insight.path("name").asText());
                JsonNode value = insight.path("values").path(0).path("value");
                if (conversion != null && value.isNumber()) {
                    metrics.put(conversion.name(), value.asDouble() * conversion.factor());
                }
            }
            if (!metrics.isEmpty()) {
                readings.put(mediaId, new Reading("instagram-insights", metrics));
            }
        }
        return readings;
    }

    private JsonNode get(String path) {
        return api.json(token -> new HttpGateway.Call("GET", settings.url(path), Map.of("Authorization", "OAuth " + token), null));
    }
}
