package io.cutline.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * YouTube Data API v3 as a trend source: {@code GET /youtube/v3/videos?chart=mostPopular} (1 quota
 * unit) and {@code GET /youtube/v3/search?q=...&order=viewCount} (100 units), key in {@code key}.
 * Counts the units spent and, past the daily quota ({@link #quota(int)}), answers as Google does:
 * 403 with reason {@code quotaExceeded}. A wrong key is 400 {@code keyInvalid}. Its answer delay is
 * set as provider {@value #PROVIDER}.
 */
final class YouTubeDataEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "youtube-data";

    private static final String[] SUBJECTS = {"tides", "craters", "eclipses", "comets", "auroras"};

    private final AtomicInteger spent = new AtomicInteger();
    private volatile int quota = 10_000;

    /** Sets the daily quota and starts a new day (nothing spent). */
    void quota(int units) {
        quota = units;
        spent.set(0);
    }

    int spent() {
        return spent.get();
    }

    @Override
    public void register(Router router, EmulatorContext context) {
        // videos.list serves two callers: the trend chart (here) and, by id, the publisher's checks (YouTubeEmulation)
        router.get("/youtube/v3/videos").handler(call -> {
            if (call.request().getParam("chart") == null) {
                call.next();
                return;
            }
            context.answerLater(PROVIDER, () -> answer(call, context, 1, "chart"));
        });
        router.get("/youtube/v3/search").handler(call -> context.answerLater(PROVIDER, () -> answer(call, context, 100, "q")));
    }

    private void answer(RoutingContext call, EmulatorContext context, int units, String subjectParameter) {
        if (!context.apiKey().equals(call.request().getParam("key"))) {
            EmulatorContext.json(call, 400, error(400, "API key not valid. Please pass a valid API key.", "global", "keyInvalid"));
            return;
        }
        if (spent.addAndGet(units) > quota) {
            spent.addAndGet(-units);
            EmulatorContext.json(call, 403, error(403, "The request cannot be completed because you have exceeded your quota.",
                    "youtube.quota", "quotaExceeded"));
            return;
        }
        boolean search = subjectParameter.equals("q");
        String subject = search ? call.request().getParam("q", "") : "category " + call.request().getParam("videoCategoryId", "0");
        List<Map<String, Object>> items = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < SUBJECTS.length; i++) {
            String id = "v" + Integer.toHexString((subject + i).hashCode());
            Map<String, Object> snippet = new LinkedHashMap<>();
            snippet.put("publishedAt", now.minus(6L * (i + 1), ChronoUnit.HOURS).toString());
            snippet.put("title", "The truth about " + subject + " and " + SUBJECTS[i]);
            snippet.put("description", "Scientists studied " + SUBJECTS[i] + " for " + (i + 2) + " decades. "
                    + "What they found about " + subject + " surprised everyone.");
            snippet.put("channelTitle", "Emulated channel " + i);
            snippet.put("tags", List.of(SUBJECTS[i]));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", search ? "youtube#searchResult" : "youtube#video");
            item.put("id", search ? Map.of("kind", "youtube#video", "videoId", id) : id);
            item.put("snippet", snippet);
            if (!search) {
                item.put("statistics", Map.of("viewCount", String.valueOf(900_000 / (i + 1)), "likeCount", String.valueOf(9_000 / (i + 1))));
            }
            items.add(item);
        }
        try {
            EmulatorContext.json(call, 200, context.json().writeValueAsString(Map.of("kind",
                    search ? "youtube#searchListResponse" : "youtube#videoListResponse", "items", items)));
        } catch (Exception e) {
            call.fail(e);
        }
    }

    private static String error(int code, String message, String domain, String reason) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\"" + message
                + "\",\"domain\":\"" + domain + "\",\"reason\":\"" + reason + "\"}]}}";
    }
}
