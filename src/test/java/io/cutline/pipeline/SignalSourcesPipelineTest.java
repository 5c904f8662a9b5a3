package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.JobState;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.Signal;
import io.cutline.support.Await;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * A channel with three signal sources (an RSS feed read from a file: URL, the emulated YouTube Data
 * API and a JSON file) through the real routes: the brief's topic is traceable to its signals in the
 * job view, the negative keyword keeps a signal out, the search's quota units are counted, and a
 * second job does not pick the story covered by the first.
 */
class SignalSourcesPipelineTest {

    private static final Path SIGNALS = Path.of("src/test/resources/signals");

    @Test
    void aBriefsTopicComesFromItsSignalsAndTheNextJobPicksAnotherStory() throws Exception {
        Path root = TestService.newRoot("signal-sources");
        Path channels = Files.createDirectories(root.resolve("channels"));
        String feed = SIGNALS.resolve("space-news.rss").toAbsolutePath().toUri().toString();
        Files.writeString(channels.resolve("space.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                .replace("id: quick", "id: space").replace("niche: light and optics", "niche: planets and stars")
                .replace("targetSeconds: 8", "targetSeconds: 12")
                + "signals:\n  - feed: " + feed + "\n  - youtube: {search: saturn, days: 3}\n  - file: space-trends.json\n"
                + "topics:\n  keywords: [saturn, jupiter, stars, planet]\n  negativeKeywords: [crypto]\n  noveltyDays: 7\n");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 3);
             TestService service = new TestService(root, Map.of("cutline.channels.dir", channels.toString(),
                     "cutline.signals.dir", SIGNALS.toString(), "cutline.signals.youtube.base-url", emulator.baseUrl() + "/youtube/v3",
                     "cutline.signals.youtube.api-key-env", "CUTLINE_TEST_API_KEY")).start()) {
            JobViews views = service.bean("jobViews", JobViews.class);

            JobView first = views.describe(briefed(service, service.submit("space")));
            assertThat(first.topic()).isEqualTo("Saturn's rings are vanishing");
            assertThat(first.topicChoice().topic()).isEqualTo(first.topic());
            assertThat(first.topicChoice().signals()).as("one story told by the feed and the JSON file")
                    .extracting(Signal::source).containsExactly(feed, "space-trends.json");
            assertThat(first.topicChoice().signals()).extracting(Signal::link)
                    .containsExactly("https://news.example/saturn-rings", "https://trends.example/saturn");
            assertThat(first.topicChoice().scores().novelty()).isEqualTo(1.0);
            assertThat(first.topicChoice().scores().relevance()).isPositive();
            assertThat(service.bean("storyLedger", StoryLedger.class).brief(first.id()).orElseThrow().sources())
                    .contains("https://news.example/saturn-rings", "https://trends.example/saturn");

            // each line of the video says which of the signals' facts it tells
            Await.until("storyboard of job " + first.id(), Duration.ofSeconds(30),
                    () -> service.bean("storyLedger", StoryLedger.class).storyboard(first.id()).isPresent());
            List<JobView.SceneView> scenes = views.describe(first.id()).scenes();
            String told = first.topicChoice().signals().stream().map(signal -> signal.title() + " " + signal.summary())
                    .collect(Collectors.joining(" "));
            assertThat(scenes.get(0).facts()).as("the hook").isEmpty();
            assertThat(scenes.subList(1, scenes.size() - 1)).isNotEmpty().allSatisfy(scene -> {
                assertThat(scene.facts()).containsExactly(scene.narration());
                assertThat(told).contains(scene.facts().get(0));
            });

            assertThat(service.jdbc().queryForList("SELECT title FROM signals WHERE channel_id = 'space'", String.class))
                    .as("stored in the ledger, the crypto item filtered out")
                    .hasSize(9).noneMatch(title -> title.contains("Crypto"));
            assertThat(emulator.youtubeQuotaSpent()).as("one search").isEqualTo(100);

            JobView second = views.describe(briefed(service, service.submit("space")));
            assertThat(second.topic()).isNotEqualTo(first.topic());
            assertThat(second.topicChoice().scores().novelty()).as("unlike the covered topic").isGreaterThan(0.5);
            assertThat(second.topicChoice().signals()).isNotEmpty();
        }
    }

    /** Waits for the job's brief (the rest of the job does not matter here). */
    private static String briefed(TestService service, String jobId) throws Exception {
        StoryLedger stories = service.bean("storyLedger", StoryLedger.class);
        JobLedger jobs = service.bean("jobLedger", JobLedger.class);
        Await.until("brief of job " + jobId, Duration.ofSeconds(30),
                () -> stories.brief(jobId).isPresent() || jobs.require(jobId).state() != JobState.RUNNING);
        assertThat(stories.brief(jobId)).as("job %s: %s", jobId, jobs.require(jobId).failureReason()).isPresent();
        return jobId;
    }
}
