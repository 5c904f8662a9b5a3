package io.cutline.distribution.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.model.Render;
import io.cutline.provider.AdapterKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox names its files by job id, never by title, and keeps the title as written in the sidecar. */
class OutboxPublisherTest {

    private static final String TITLE = "../../$(rm -rf /) `id`; a|b 'q' \"dq\" %{localtime} [0:v] {\\b1} שלום مرحبا 😀";

    @TempDir
    Path dir;

    @Test
    void filesAreNamedByJobIdAndTheTitleRoundTrips() throws Exception {
        String job = "3f2b7c9e-1d4a-4e8b-9c0f-2a6d8e1b5c7a";
        publisher().publish(render(job), metadata(job), null);
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(job + ".mp4", job + ".jpg", job + ".json");
        }
        assertThat(new ObjectMapper().readTree(dir.resolve("outbox").resolve(job + ".json").toFile()).path("title").asText()).isEqualTo(TITLE);
    }

    @Test
    void aJobIdThatIsNotAPlainNameIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> publisher().publish(render("../escaped"), metadata("../escaped"), null))
                .isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(file -> dir.relativize(file).toString())).containsExactlyInAnyOrder("", "source.mp4", "source.jpg");
        }
    }

    private OutboxPublisher publisher() {
        return new OutboxPublisher(new ProviderSettings("outbox", "cutline.distribution.outbox", Map.of("folder",
                dir.resolve("outbox").toString())), new AdapterKit(null, null, new ObjectMapper(), null, null, null));
    }

    private Render render(String job) throws Exception {
        Path video = Files.writeString(dir.resolve("source.mp4"), "video");
        Path thumbnail = Files.writeString(dir.resolve("source.jpg"), "image");
        return new Render(job, "1080x1920", video.toString(), 1080, 1920, 2.0, thumbnail.toString());
    }

    private static PostMetadata metadata(String job) {
        return new PostMetadata(job, "quick", "youtube", "en", TITLE, "description", List.of("#tag"), 2.0, 1080, 1920, true, null, 0);
    }
}
