package io.cutline.emulator;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Google Trends' daily trending feed, {@code GET /trending/rss?geo=US}: RSS 2.0 with
 * {@code ht:approx_traffic} per item. {@code geo=XX} answers 503, as a feed host that is down does.
 * Its answer delay is set as provider {@value #PROVIDER}.
 */
final class TrendFeedEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "trend-feed";

    private static final String[][] TRENDS = {
        {"Northern lights seen far south", "50,000+", "Strong solar winds pushed the aurora far from the poles. People in Spain saw red skies at night."},
        {"Comet visible to the naked eye", "20,000+", "A bright comet is passing close to the Sun this week. It will not return for eighty thousand years."},
    };

    @Override
    public void register(Router router, EmulatorContext context) {
        router.get("/trending/rss").handler(call -> context.answerLater(PROVIDER, () -> answer(call)));
    }

    private void answer(RoutingContext call) {
        String geo = call.request().getParam("geo", "US");
        if (geo.equals("XX")) {
            call.response().setStatusCode(503).end("unavailable");
            return;
        }
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:ht=\"https://trends.google.com/trending/rss\"><channel><title>Daily Search Trends</title>\n");
        for (int i = 0; i < TRENDS.length; i++) {
            rss.append("<item><title>").append(TRENDS[i][0]).append("</title><ht:approx_traffic>").append(TRENDS[i][1])
                    .append("</ht:approx_traffic><description>").append(TRENDS[i][2]).append("</description><link>https://trends.example/")
                    .append(geo).append('/').append(i).append("</link><pubDate>")
                    .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)))
                    .append("</pubDate></item>\n");
        }
        call.response().putHeader("Content-Type", "application/rss+xml; charset=utf-8").end(rss.append("</channel></rss>\n").toString());
    }
}
