package io.cutline.research;

import io.cutline.model.Signal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.ledger.SignalLedger;

/**
 * YouTube Data API v3 as a signal source: {@code videos.list?chart=mostPopular} (1 quota unit; views
 * and likes as metrics) or {@code search.list} ordered by view count, published within N days (100
 * units; the result's rank as its metric). Each call's units are counted in the ledger against the
 * configured daily quota (Pacific midnight resets Google's; the count here resets at UTC midnight,
 * so keep a margin) before it is made; a call over the quota is not made, and the API's own 403
 * {@code quotaExceeded} marks the day used up. Either way the source keeps its last snapshot.
 */
public class YouTubeTrends {

    static final String API = "youtube-data";
    private static final int MAX_RESULTS = 25;

    private final HttpClient http;
    private final String baseUrl;
    private final Supplier<String> key;
    private final int dailyQuota;
    private final Duration timeout;
    private final SignalLedger ledger;
    private final ObjectMapper json;
    private final Clock clock;

    public YouTubeTrends(HttpClient http, String baseUrl, Supplier<String> key, int dailyQuota, Duration timeout, SignalLedger ledger,
                         ObjectMapper json, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.key = key;
        this.dailyQuota = dailyQuota;
        this.timeout = timeout;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
    }

    public List<Signal> read(Channel.YouTube query, String source) {
        boolean search = query.search() != null;
        StringBuilder url = new StringBuilder(baseUrl);
        if (search) {
            url.append("/search?part=snippet&type=video&order=viewCount&q=").append(encode(query.search()))
                    .append("&publishedAfter=").append(encode(clock.instant().minus(query.daysOrDefault(), ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.SECONDS).toString()));
        } else {
            url.append("/videos?part=snippet,statistics&chart=mostPopular");
            if (query.categoryId() != null) {
                url.append("&videoCategoryId=").append(encode(query.categoryId()));
            }
        }
        url.append("&regionCode=").append(encode(query.regionCodeOrDefault())).append("&maxResults=").append(MAX_RESULTS);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int units = search ? 100 : 1;
        if (!ledger.spendQuota(API, today, units, dailyQuota)) {
            throw new FeedReader.FeedUnavailableException("YouTube Data API quota for " + today + " would be exceeded ("
                    + ledger.quotaSpent(API, today) + " of " + dailyQuota + " units spent, " + source + " needs " + units + ")", null);
        }
        JsonNode answer = get(url + "&key=" + encode(key.get()), source, today);
        List<Signal> signals = new ArrayList<>();
        JsonNode items = answer.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode snippet = item.path("snippet");
            String id = search ? item.path("id").path("videoId").asText() : item.path("id").asText();
            Map<String, Double> metrics = new HashMap<>();
            metrics.put("rank", i + 1.0);
            JsonNode statistics = item.path("statistics");
            if (statistics.has("viewCount")) {
                metrics.put("views", statistics.path("viewCount").asDouble());
            }
            if (statistics.has("likeCount")) {
                metrics.put("likes", statistics.path("likeCount").asDouble());
            }
            List<String> tags = new ArrayList<>();
            snippet.path("tags").forEach(tag -> tags.add(tag.asText()));
            signals.add(new Signal(snippet.path("title").asText(), snippet.path("description").asText(),
                    "https://www.youtube.com/watch?v=" + id, source, FeedReader.published(snippet.path("publishedAt").asText()),
                    metrics, tags));
        }
        return signals;
    }

    private JsonNode get(String url, String source, LocalDate today) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FeedReader.FeedUnavailableException(source + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedReader.FeedUnavailableException("interrupted reading " + source, e);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() == 200) {
                return body;
            }
            String reason = body.path("error").path("errors").path(0).path("reason").asText("");
            if (reason.equals("quotaExceeded") || reason.equals("dailyLimitExceeded")) {
                ledger.exhaustQuota(API, today, dailyQuota);
            }
            throw new FeedReader.FeedUnavailableException(source + " answered " + response.statusCode() + " " + reason + ": "
                    + body.path("error").path("message").asText(""), null);
        } catch (IOException e) {
            throw new FeedReader.FeedUnavailableException(source + " answered " + response.statusCode() + " with no JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
