package io.cutline.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.SignalLedger;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The poll of every source (the route the schedule calls) and a job's own read of its channel's
 * sources: a source that is down keeps the others going; a job reads a feed the poll has just read
 * only once the reuse window has passed, and reads its files every time.
 */
class SignalPollingTest {

    private static final String FILE = "space-trends.json";

    @Test
    void thePollStoresEverySourceThatAnswersAndAJobReusesAFreshFeedButRereadsItsFiles() throws Exception {
        Path root = TestService.newRoot("signal-polling");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 3)) {
            String feed = emulator.baseUrl() + "/trending/rss?geo=US";
            Path channels = Files.createDirectories(root.resolve("channels"));
            Files.writeString(channels.resolve("polled.yaml"), Files.readString(Path.of("src/test/resources/channels/quick.yaml"))
                    .replace("id: quick", "id: polled") + "signals:\n  - file: " + FILE + "\n  - feed: " + feed + "\n"
                    + "  - feed: " + emulator.baseUrl() + "/trending/rss?geo=XX\n");
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            settings.put("cutline.signals.reuse-within-ms", "600000");
            try (TestService service = new TestService(root, settings).start()) {
                SignalLedger ledger = service.bean("signalLedger", SignalLedger.class);
                SignalGatherer gatherer = service.bean("signalGatherer", SignalGatherer.class);

                service.context().createProducerTemplate().sendBody("direct:poll-signal-sources", null);
                assertThat(ledger.current("polled")).extracting(signal -> signal.source()).as("the host that is down stored nothing")
                        .contains(FILE, feed).allMatch(source -> source.equals(FILE) || source.equals(feed));
                Instant feedPolled = ledger.polledAt("polled", feed).orElseThrow();
                Instant filePolled = ledger.polledAt("polled", FILE).orElseThrow();

                String jobId = service.bean("jobLedger", JobLedger.class).create("polled", null, "signal-polling", "test").job().id();
                Thread.sleep(20);
                gatherer.gatherForJob(jobId);
                assertThat(ledger.polledAt("polled", feed)).as("read by the poll just before: not read again").contains(feedPolled);
                assertThat(ledger.polledAt("polled", FILE).orElseThrow()).as("files are read every time").isAfter(filePolled);

                service.jdbc().update("UPDATE signals SET polled_at = DATEADD('MINUTE', -11, polled_at) WHERE source = ?", feed);
                feedPolled = ledger.polledAt("polled", feed).orElseThrow();
                gatherer.gatherForJob(jobId);
                assertThat(ledger.polledAt("polled", feed).orElseThrow()).as("past the reuse window: read again").isAfter(feedPolled);
            }
        }
    }
}
