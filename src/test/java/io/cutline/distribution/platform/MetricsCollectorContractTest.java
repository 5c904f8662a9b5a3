package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.cutline.emulator.Audience;
import io.cutline.emulator.Billing;
import io.cutline.emulator.Fault;
import io.cutline.emulator.InstagramAccount;
import io.cutline.provider.ProviderException;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The metrics collectors against the emulator's YouTube Analytics, YouTube Data, TikTok Display and
 * Instagram insights endpoints: ids batched per call, a video without data left out (not zero),
 * lagging analytics and a failing Analytics API answered by videos.list statistics, a failure of both
 * thrown; an Instagram reel read by the media id its location carries.
 */
class MetricsCollectorContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(31, Map.of("cutline.providers.response-timeout-ms", "15000"));

    @Test
    void youTubeAnalyticsAreReadInBatchesAndAVideoWithoutDataIsLeftOut() {
        Audience audience = audience();
        audience.truth("strong", 80, 5000);
        List.of("ytA1", "ytA2", "ytA3").forEach(id -> audience.video(id, "strong"));
        long analytics = requests("youtube-analytics");

        Map<String, MetricsCollector.Reading> readings = youtube(2).collect(List.of("ytA1", "ytA2", "ytA3", "ytUnknown"));

        assertThat(requests("youtube-analytics") - analytics).as("two calls of at most two ids").isEqualTo(2);
        assertThat(readings).containsOnlyKeys("ytA1", "ytA2", "ytA3");
        MetricsCollector.Reading first = readings.get("ytA1");
        assertThat(first.source()).isEqualTo("youtube-analytics");
        assertThat(first.metrics().get("averageViewPercentage")).isBetween(55.0, 100.0);
        assertThat(first.metrics()).containsKeys("views", "estimatedMinutesWatched", "averageViewDuration", "likes", "comments", "shares",
                "subscribersGained");
    }

    @Test
    void aVideoWhoseAnalyticsLagIsReadFromVideosListStatistics() {
        Audience audience = audience();
        audience.truth("slow", 50, 2000);
        audience.video("ytL1", "slow");
        audience.video("ytL2", "slow");
        audience.lag("ytL2", true);
        long statistics = requests("youtube-statistics");

        Map<String, MetricsCollector.Reading> readings = youtube(50).collect(List.of("ytL1", "ytL2"));

        assertThat(readings.get("ytL1").source()).isEqualTo("youtube-analytics");
        MetricsCollector.Reading lagging = readings.get("ytL2");
        assertThat(lagging.source()).isEqualTo("youtube-statistics");
        assertThat(lagging.metrics()).containsKeys("views", "likes", "comments").doesNotContainKey("averageViewPercentage");
        assertThat(requests("youtube-statistics") - statistics).as("one call for the ids without analytics").isEqualTo(1);
    }

    @Test
    void aFailingAnalyticsApiFallsBackToStatisticsAndBothFailingIsThrown() {
        Audience audience = audience();
        audience.truth("plain", 60, 1000);
        audience.video("ytF1", "plain");
        PROVIDERS.emulator().faults().queue("youtube-analytics", Fault.of(Fault.Kind.SERVER_ERROR), 1);
        assertThat(youtube(50).collect(List.of("ytF1")).get("ytF1").source()).isEqualTo("youtube-statistics");

        PROVIDERS.emulator().faults().queue("youtube-analytics", Fault.of(Fault.Kind.SERVER_ERROR), 1);
        PROVIDERS.emulator().faults().queue("youtube-statistics", Fault.of(Fault.Kind.SERVER_ERROR), 1);
        assertThatThrownBy(() -> youtube(50).collect(List.of("ytF1"))).isInstanceOf(ProviderException.class);
    }

    @Test
    void tikTokVideosAreQueriedTwentyAtATimeWithoutWatchTime() {
        Audience audience = audience();
        audience.truth("tt", 40, 3000);
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> String.valueOf(7_300_000_000_000_000_000L + i)).toList();
        ids.forEach(id -> audience.video(id, "tt"));
        long calls = requests("tiktok-metrics");

        Map<String, MetricsCollector.Reading> readings = tiktok().collect(ids);

        assertThat(requests("tiktok-metrics") - calls).isEqualTo(2);
        assertThat(readings).hasSize(25);
        assertThat(readings.get(ids.get(0)).metrics()).containsKeys("views", "likes", "comments", "shares")
                .doesNotContainKey("averageViewPercentage");
        assertThat(readings.get(ids.get(0)).metrics().get("views")).isPositive();
    }

    @Test
    void aFailingTikTokQueryIsThrown() {
        PROVIDERS.emulator().faults().queue("tiktok-metrics", Fault.of(Fault.Kind.SERVER_ERROR), 3);
        assertThatThrownBy(() -> tiktok().collect(List.of("7300000000000000999"))).isInstanceOf(ProviderException.class);
    }

    @Test
    void instagramReelsAreReadFromTheirInsightsOneCallAReel() {
        Audience audience = audience();
        audience.truth("ig", 70, 4000);
        InstagramAccount account = PROVIDERS.emulator().instagram();
        InstagramAccount.Media measured = account.post("a reel with insights");
        InstagramAccount.Media lagging = account.post("a reel without insights yet");
        audience.video(measured.id(), "ig");
        audience.video(lagging.id(), "ig");
        audience.lag(lagging.id(), true);
        MetricsCollector instagram = instagram();
        String code = instagram.videoId(measured.permalink() + "#" + measured.id()).orElseThrow();
        String lagCode = instagram.videoId(lagging.permalink() + "#" + lagging.id()).orElseThrow();
        long insights = requests("instagram-insights");

        Map<String, MetricsCollector.Reading> readings = instagram.collect(List.of(code, lagCode));

        assertThat(requests("instagram-insights") - insights).as("one call a reel").isEqualTo(2);
        assertThat(readings).as("the lagging reel has no data yet, not zeros").containsOnlyKeys(measured.id());
        MetricsCollector.Reading reading = readings.get(code);
        assertThat(reading.source()).isEqualTo("instagram-insights");
        assertThat(reading.metrics()).containsKeys("views", "reach", "likes", "comments", "shares", "saves", "averageViewDuration",
                "estimatedMinutesWatched").doesNotContainKey("averageViewPercentage");
        assertThat(reading.metrics().get("views")).isPositive();
        assertThat(reading.metrics().get("averageViewDuration")).as("seconds, from milliseconds").isBetween(1.0, 30.0);

        PROVIDERS.emulator().faults().queue("instagram-insights", Fault.of(Fault.Kind.SERVER_ERROR), 3);
        assertThatThrownBy(() -> instagram.collect(List.of(code))).isInstanceOf(ProviderException.class);
    }

    @Test
    void onlyLocationsThatNameAVideoHaveAnId() {
        assertThat(youtube(50).videoId("https://www.youtube.com/watch?v=abc_DEF-123")).contains("abc_DEF-123");
        assertThat(youtube(50).videoId("outbox/youtube/job-1.mp4")).isEmpty();
        assertThat(tiktok().videoId("https://www.tiktok.com/@emulated_creator/video/7300000000000000001")).contains("7300000000000000001");
        assertThat(tiktok().videoId("tiktok:v_pub_123 (published, not public)")).isEmpty();
        assertThat(instagram().videoId("https://www.instagram.com/reel/C9xYz_-1/#18000000000000001")).contains("18000000000000001");
        assertThat(instagram().videoId("https://www.instagram.com/reel/C9xYz_-1/")).as("a permalink alone names no media id").isEmpty();
        assertThat(instagram().videoId("outbox/instagram/job-1.mp4")).isEmpty();
    }

    private static MetricsCollector youtube(int batch) {
        return PROVIDERS.adapter("cutline.distribution", "youtube", MetricsCollector.class,
                Map.of("adapter", YouTubeMetrics.class.getName(), "metrics-batch", String.valueOf(batch)));
    }

    private static MetricsCollector tiktok() {
        return PROVIDERS.adapter("cutline.distribution", "tiktok", MetricsCollector.class, Map.of("adapter", TikTokMetrics.class.getName()));
    }

    private static MetricsCollector instagram() {
        return PROVIDERS.adapter("cutline.distribution", "instagram", MetricsCollector.class, Map.of("adapter", InstagramMetrics.class.getName()));
    }

    private static Audience audience() {
        return PROVIDERS.emulator().audience();
    }

    private static long requests(String endpoint) {
        return PROVIDERS.emulator().billing().accounts().getOrDefault(endpoint, new Billing.Account(0, 0, 0)).requests();
    }
}
