package io.cutline.research;

import io.cutline.model.Signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.InvalidDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of signal source read into the one Signal record. */
class SignalSourcesTest {

    private static final Path SIGNALS = Path.of("src/test/resources/signals");
    private final SignalLibrary files = new SignalLibrary(SIGNALS, new ObjectMapper());
    private final FeedReader feeds = new FeedReader(HttpClient.newHttpClient(), Duration.ofSeconds(2));

    @Test
    void anRssFeedFromAFileUrl() {
        String url = SIGNALS.resolve("space-news.rss").toAbsolutePath().toUri().toString();
        List<Signal> signals = feeds.read(url);

        assertThat(signals).extracting(Signal::title)
                .containsExactly("Saturn's rings are vanishing", "Crypto coin named after Mars soars", "Jupiter has a storm older than any nation");
        Signal saturn = signals.get(0);
        assertThat(saturn.summary()).as("HTML dropped").startsWith("Saturn's rings are raining down onto the planet. Astronomers");
        assertThat(saturn.link()).isEqualTo("https://news.example/saturn-rings");
        assertThat(saturn.source()).isEqualTo(url);
        assertThat(saturn.published()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(saturn.metrics()).containsEntry("rank", 1.0).containsEntry("views", 50000.0);
        assertThat(saturn.tags()).containsExactly("saturn");
    }

    @Test
    void anAtomFeed() throws IOException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <entry>
                    <title>Why the sky is blue</title>
                    <link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
                    <published>2026-12-01T10:00:00+00:00</published>
                    <summary>Air scatters blue light more than red light.</summary>
                    <category term="sky"/>
                  </entry>
                </feed>""";
        List<Signal> signals = FeedReader.parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)), "https://feed");

        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.title()).isEqualTo("Why the sky is blue");
            assertThat(signal.link()).isEqualTo("https://www.youtube.com/watch?v=abc");
            assertThat(signal.published()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(signal.tags()).containsExactly("sky");
        });
    }

    @Test
    void aFeedThatIsNotXmlOrAsksForADoctypeIsUnavailableNotACrash(@TempDir Path dir) throws IOException {
        Path html = Files.writeString(dir.resolve("page.rss"), "<html><body>moved</body");
        Path entities = Files.writeString(dir.resolve("xxe.rss"),
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>");
        for (Path feed : List.of(html, entities, dir.resolve("absent.rss"))) {
            assertThatThrownBy(() -> feeds.read(feed.toUri().toString())).isInstanceOf(FeedReader.FeedUnavailableException.class);
        }
    }

    @Test
    void jsonAndCsvFiles() {
        assertThat(files.signals("space-trends.json")).extracting(Signal::title, Signal::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("The rings of Saturn are vanishing fast", "space-trends.json"),
                        org.assertj.core.groups.Tuple.tuple("Neutron stars are the densest objects we can see", "space-trends.json"));
        assertThat(files.signals("space-trends.json").get(0).metrics()).containsEntry("views", 120000.0);

        List<Signal> csv = files.signals("space-ideas.csv");
        assertThat(csv.get(0).title()).isEqualTo("Mercury shrinks, slowly");
        assertThat(csv.get(0).tags()).containsExactly("mercury", "planets");
        assertThat(csv.get(0).metrics()).containsEntry("score", 0.7);
        assertThat(csv.get(0).published()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(csv.get(1).link()).as("no link: the title within the file").isEqualTo("space-ideas.csv#comets-carry-water");
        assertThat(csv.get(1).published()).isNull();
    }

    @Test
    void theOfflineSignalsYamlStillReads() {
        List<Signal> demo = new SignalLibrary(Path.of("config/signals"), new ObjectMapper()).signals("demo.yaml");
        assertThat(demo).hasSize(4);
        assertThat(demo.get(0).title()).isEqualTo("The Moon is slowly leaving Earth");
        assertThat(demo.get(0).metrics()).containsEntry("score", 0.92);
        assertThat(demo.get(0).link()).isEqualTo("https://science.nasa.gov/moon/");
    }

    @Test
    void twoTopicsOfASignalsFileCitingOnePageAreTwoSignals(@TempDir Path dir) throws IOException {
        String topic = "  - title: %s\n    score: 0.5\n    facts: [The first fact is long enough., The second fact is long too.]\n"
                + "    sources: [https://science.nasa.gov/moon/]\n";
        Files.writeString(dir.resolve("shared.yaml"), "topics:\n" + topic.formatted("Moon tides") + topic.formatted("Moon craters"));
        assertThat(new SignalLibrary(dir, new ObjectMapper()).signals("shared.yaml")).extracting(Signal::link)
                .containsExactly("https://science.nasa.gov/moon/", "shared.yaml#moon-craters");
    }

    @Test
    void aBadRecordNamesItsField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "title,views\nA title,many\n");
        Files.writeString(dir.resolve("bad.json"), "[{\"title\": \"ok\", \"published\": \"yesterday\"}]");
        SignalLibrary library = new SignalLibrary(dir, new ObjectMapper());
        assertThatThrownBy(() -> library.signals("bad.csv")).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("row 2.views").hasMessageContaining("not a number");
        assertThatThrownBy(() -> library.signals("bad.json")).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("signals[0].published");
    }
}
