package io.cutline.channel;

import io.cutline.support.ShippedConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.DocumentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRegistryTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDemoChannelIsValid() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        assertThat(registry.reload()).isEmpty();
        Channel demo = registry.require("demo");
        assertThat(demo.format()).isEqualTo(Format.VERTICAL_SHORT);
        assertThat(demo.platforms()).containsExactly("youtube", "tiktok", "instagram");
        assertThat(demo.generationProvider()).isEqualTo("local");
    }

    @Test
    void anInvalidFileIsReportedWithFileLineAndFieldAndTheOthersStillLoad() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        Files.copy(Path.of("config/channels/demo.yaml"), channels.resolve("demo.yaml"));
        Files.copy(Path.of("config/signals/demo.yaml"), signals.resolve("demo.yaml"));
        String broken = Files.readString(Path.of("config/channels/demo.yaml"))
                .replace("id: demo", "id: broken")
                .replace("platforms: [youtube, tiktok, instagram]", "platforms: [youtube, myspace]")
                .replace("targetSeconds: 30", "targetSeconds: 2")
                .replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        Files.writeString(channels.resolve("broken.yaml"), broken + "signals: broken.yaml\n");

        ChannelRegistry registry = ShippedConfig.channels(channels, signals, new ObjectMapper());
        List<DocumentProblem> problems = registry.reload();

        assertThat(registry.find("demo")).isPresent();
        assertThat(registry.find("broken")).isEmpty();
        assertThat(problems).extracting(DocumentProblem::field).contains("platforms[1]", "targetSeconds");
        DocumentProblem platform = problems.stream().filter(p -> p.field().equals("platforms[1]")).findFirst().orElseThrow();
        assertThat(platform.source()).endsWith("broken.yaml");
        assertThat(platform.line()).isEqualTo(lineOf(broken, "platforms:"));
        assertThat(platform.column()).isEqualTo(broken.lines().filter(line -> line.startsWith("platforms:")).findFirst().orElseThrow()
                .indexOf("myspace") + 1);
        assertThat(platform.toString()).contains("broken.yaml:" + platform.line() + ":" + platform.column() + ": platforms[1]: ");
        assertThatThrownBy(() -> registry.require("broken")).hasMessageContaining("channel 'broken' is invalid")
                .hasMessageContaining("targetSeconds");
    }

    @Test
    void rulesBeyondTheSchemaAreChecked() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        String text = Files.readString(Path.of("config/channels/demo.yaml"))
                .replace("cron: \"0 0 9,17 * * ?\"", "cron: \"every day at nine\"")
                .replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        Files.writeString(channels.resolve("other.yaml"), text);

        List<DocumentProblem> problems = ShippedConfig.channels(channels, signals, new ObjectMapper()).reload();

        assertThat(problems).extracting(DocumentProblem::field)
                .containsExactlyInAnyOrder("id", "schedule.cron", "schedule.timeZone", "signals");
        assertThat(problems).filteredOn(p -> p.field().equals("id")).first()
                .extracting(DocumentProblem::message).asString().contains("must match the file name 'other'");
        assertThat(problems).filteredOn(p -> p.field().equals("schedule.cron")).first()
                .extracting(DocumentProblem::line).isEqualTo(lineOf(text, "cron:"));
    }

    @Test
    void anUnknownChannelNamesTheKnownOnes() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        registry.reload();
        assertThatThrownBy(() -> registry.require("nope")).isInstanceOf(UnknownChannelException.class)
                .hasMessage("no channel 'nope' (known: demo)");
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix);
    }
}
