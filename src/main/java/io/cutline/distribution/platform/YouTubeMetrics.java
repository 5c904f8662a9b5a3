package io.cutline.distribution.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import io.cutline.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YouTube metrics: the Analytics API v2 {@code reports.query} (views, watch time, average view
 * percentage, likes, comments, shares, subscribers gained; {@code dimensions=video}, the batch's ids in
 * one {@code filters=video==a,b}), and for the videos it has no row for (its data lags 1–3 days) or
 * when it refuses, the Data API's {@code videos.list?part=statistics} (1 quota unit a call; views,
 * likes and comments only). Up to {@code metrics-batch} ids a call (at most 50, videos.list's limit).
 * The same OAuth client as publishing; its refresh token needs the {@code yt-analytics.readonly} scope.
 */
public class YouTubeMetrics implements MetricsCollector {

    private static final Logger LOG = LoggerFactory.getLogger(YouTubeMetrics.class);
    private static final Pattern WATCH = Pattern.compile("[?&]v=([A-Za-z0-9_-]+)");
    private static final int MAX_BATCH = 50;
    /** A start date before any video: reports.query then sums each video's whole life. */
    private static final String SINCE_EVER = "2005-04-23";
    private static final String ANALYTICS_METRICS =
            "views,estimatedMinutesWatched,averageViewDuration,averageViewPercentage,likes,comments,shares,subscribersGained";
    private static final Map<String, String> STATISTICS = Map.of("viewCount", "views", "likeCount", "likes", "commentCount", "comments");

    private final ProviderSettings settings;
    private final PlatformHttp api;
    private final String analyticsUrl;
    private final int batch;

    /** The publishing block's credentials, {@code base-url}, and {@code analytics-url}, {@code metrics-batch}. */
    public YouTubeMetrics(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.api = new PlatformHttp(settings.name(), kit.http(), kit.json(),
                new RefreshedAccessToken(settings, "client_id", kit.http(), kit.json(), Clock.systemUTC()),
                "/error/errors/0/reason", "/error/message");
        this.analyticsUrl = settings.text("analytics-url").replaceAll("/+$", "");
        this.batch = settings.integer("metrics-batch");
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalStateException("property " + settings.property("metrics-batch") + " must be 1 to " + MAX_BATCH + ", got " + batch);
        }
    }

    @Override
    public Optional<String> videoId(String location) {
        Matcher matcher = WATCH.matcher(location == null ? "" : location);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public Map<String, Reading> collect(List<String> videoIds) {
        Map<String, Reading> readings = new HashMap<>();
        for (int from = 0; from < videoIds.size(); from += batch) {
            List<String> ids = videoIds.subList(from, Math.min(videoIds.size(), from + batch));
            try {
                readings.putAll(analytics(ids));
            } catch (ProviderException e) {
                LOG.warn("{}: reports.query failed ({}); reading videos.list statistics instead", settings.name(), e.getMessage());
            }
            List<String> without = ids.stream().filter(id -> !readings.containsKey(id)).toList();
            if (!without.isEmpty()) {
                readings.putAll(statistics(without));
            }
        }
        return readings;
    }

    private Map<String, Reading> analytics(List<String> ids) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String query = "ids=channel%3D%3DMINE&startDate=" + SINCE_EVER + "&endDate=" + today + "&metrics=" + ANALYTICS_METRICS
                + "&dimensions=video&filters=" + encode("video==" + String.join(",", ids)) + "&maxResults=" + ids.size();
        JsonNode table = api.json(token -> get(analyticsUrl + "/v2/reports?" + query, token));
        List<String> columns = new ArrayList<>();
        table.path("columnHeaders").forEach(header -> columns.add(header.path("name").asText()));
        int video = columns.indexOf("video");
        Map<String, Reading> readings = new HashMap<>();
        for (JsonNode row : table.path("rows")) {
            Map<String, Double> metrics = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (i != video && row.path(i).isNumber()) {
                    metrics.put(columns.get(i), row.path(i).asDouble());
                }
            }
            if (video >= 0 && !metrics.isEmpty()) {
                readings.put(row.path(video).asText(), new Reading("youtube-analytics", metrics));
            }
        }
        return readings;
    }

    private Map<String, Reading> statistics(List<String> ids) {
        JsonNode list = api.json(token -> get(settings.url("youtube/v3/videos?part=statistics&id=" + encode(String.join(",", ids))), token));
        Map<String, Reading> readings = new HashMap<>();
        for (JsonNode item : list.path("items")) {
            Map<String, Double> metrics = new HashMap<>();
            STATISTICS.forEach((field, name) -> {
                JsonNode value = item.path("statistics").path(field);
                if (value.isTextual() || value.isNumber()) {
                    metrics.put(name, value.asDouble());
                }
            });
            if (!metrics.isEmpty()) {
                readings.put(item.path("id").asText(), new Reading("youtube-statistics", metrics));
            }
        }
        return readings;
    }

    private static HttpGateway.Call get(String url, String token) {
        return new HttpGateway.Call("GET", url, Map.of("Authorization", "Bearer " + token), null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
