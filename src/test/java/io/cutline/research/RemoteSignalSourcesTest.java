package io.cutline.research;

import io.cutline.model.Signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.LedgerDatabase;
import io.cutline.ledger.SignalLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote sources against the emulator: YouTube charts and searches as signals, quota counted before
 * each call; a trends feed over HTTP.
 */
class RemoteSignalSourcesTest {

    private static final String KEY = System.getenv("CUTLINE_TEST_API_KEY");
    private static final Channel.YouTube POPULAR = new Channel.YouTube(null, null, "DE", "28");
    private static final Channel.YouTube SEARCH = new Channel.YouTube("moon", 3, null, null);

    private ProviderEmulator emulator;
    private LedgerDatabase database;
    private SignalLedger ledger;
    private final Clock clock = Clock.systemUTC();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void start() {
        emulator = ProviderEmulator.start("127.0.0.1", 0, KEY, 1);
        database = new LedgerDatabase("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
        ledger = new SignalLedger(database.jdbc(), database.transactions(), new ObjectMapper(), clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
        database.stop();
    }

    @Test
    void theMostPopularChartGivesSignalsWithViewsForOneUnit() {
        List<Signal> signals = trends(10_000).read(POPULAR, "youtube:mostPopular:DE:28");

        assertThat(signals).hasSize(5);
        Signal first = signals.get(0);
        assertThat(first.title()).isEqualTo("The truth about category 28 and tides");
        assertThat(first.link()).startsWith("https://www.youtube.com/watch?v=v");
        assertThat(first.summary()).contains("Scientists studied tides");
        assertThat(first.published()).isNotNull();
        assertThat(first.metrics()).containsEntry("rank", 1.0).containsEntry("views", 900_000.0);
        assertThat(first.tags()).containsExactly("tides");
        assertThat(ledger.quotaSpent(YouTubeTrends.API, today)).isEqualTo(1);
        assertThat(emulator.youtubeQuotaSpent()).isEqualTo(1);
    }

    @Test
    void aSearchCostsAHundredUnitsAndOneOverTheDailyQuotaIsNotMade() {
        YouTubeTrends youtube = trends(150);
        assertThat(youtube.read(SEARCH, "youtube:search:moon")).extracting(Signal::title).first().isEqualTo("The truth about moon and tides");
        assertThat(ledger.quotaSpent(YouTubeTrends.API, today)).isEqualTo(100);

        assertThatThrownBy(() -> youtube.read(SEARCH, "youtube:search:moon")).isInstanceOf(FeedReader.FeedUnavailableException.class)
                .hasMessageContaining("quota").hasMessageContaining("100 of 150 units spent");
        assertThat(emulator.youtubeQuotaSpent()).as("the call was not made").isEqualTo(100);
        assertThat(youtube.read(POPULAR, "chart").size()).as("a 1-unit chart still fits").isEqualTo(5);
        assertThat(ledger.quotaSpent(YouTubeTrends.API, today)).isEqualTo(101);
    }

    @Test
    void theApisOwnQuotaErrorUsesUpTheDay() {
        emulator.youtubeQuota(50);
        YouTubeTrends youtube = trends(10_000);
        assertThatThrownBy(() -> youtube.read(SEARCH, "youtube:search:moon")).isInstanceOf(FeedReader.FeedUnavailableException.class)
                .hasMessageContaining("403 quotaExceeded");
        assertThat(ledger.quotaSpent(YouTubeTrends.API, today)).isEqualTo(10_000);
        assertThatThrownBy(() -> youtube.read(POPULAR, "chart")).hasMessageContaining("would be exceeded");
    }

    @Test
    void aWrongKeyIsRefused() {
        YouTubeTrends youtube = new YouTubeTrends(HttpClient.newHttpClient(), emulator.baseUrl() + "/youtube/v3", () -> "wrong", 10_000,
                Duration.ofSeconds(5), ledger, new ObjectMapper(), clock);
        assertThatThrownBy(() -> youtube.read(POPULAR, "chart")).hasMessageContaining("400 keyInvalid");
    }

    @Test
    void aTrendsFeedOverHttpWithTrafficAsViewsAndADownHostAsUnavailable() {
        FeedReader feeds = new FeedReader(HttpClient.newHttpClient(), Duration.ofSeconds(5));
        List<Signal> trends = feeds.read(emulator.baseUrl() + "/trending/rss?geo=US");
        assertThat(trends).extracting(Signal::title).containsExactly("Northern lights seen far south", "Comet visible to the naked eye");
        assertThat(trends.get(0).metrics()).containsEntry("views", 50_000.0).containsEntry("rank", 1.0);
        assertThat(trends.get(0).published()).isNotNull();
        assertThatThrownBy(() -> feeds.read(emulator.baseUrl() + "/trending/rss?geo=XX")).isInstanceOf(FeedReader.FeedUnavailableException.class)
                .hasMessageContaining("HTTP 503");
    }

    private YouTubeTrends trends(int dailyQuota) {
        return new YouTubeTrends(HttpClient.newHttpClient(), emulator.baseUrl() + "/youtube/v3", () -> KEY, dailyQuota,
                Duration.ofSeconds(5), ledger, new ObjectMapper(), clock);
    }
}
