package io.cutline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cutline.config.Settings;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cutline validate}: every problem of every file in one pass, each printed once at its key, and exit code 3. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownKeyAWrongEnumABadCronAndABadZoneAreAllReportedAtOnceEachAtItsKey() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        Path routes = Files.createDirectories(dir.resolve("routes"));
        String demo = Files.readString(Path.of("config/channels/demo.yaml"));
        Files.writeString(channels.resolve("demo.yaml"), demo);
        Files.copy(Path.of("config/signals/demo.yaml"), signals.resolve("demo.yaml"));
        Path broken = channels.resolve("broken.yaml");
        Files.writeString(broken, demo.replace("id: demo", "id: broken")
                .replace("  wordsPerMinute: 165", "  wordsPerMinut: 165")
                .replace("format: vertical-short", "format: vertical-shrot")
                .replace("cron: \"0 0 9,17 * * ?\"", "cron: \"0 9,17 * *\"")
                .replace("timeZone: Europe/Berlin", "timeZone: Europe/Berln")
                + "signals: demo.yaml\n");
        Path phrases = dir.resolve("phrases.yaml");
        Files.writeString(phrases, "hooks: [\"{topic}!\"]\ncallToAction: [\"Follow.\"]\n");
        String source = Path.of("").toAbsolutePath().relativize(broken).toString();

        List<String> logged = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = withLogCapture(logged, () -> ValidateCommand.validate(settings(Map.of(
                "cutline.channels.dir", channels.toString(), "cutline.signals.dir", signals.toString(),
                "cutline.routes.dir", routes.toString(), "cutline.writer.template.phrases", phrases.toString())),
                new PrintStream(out, true, StandardCharsets.UTF_8)));

        assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIG).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                source + ":10:3: voice.wordsPerMinut: unknown key; did you mean `wordsPerMinute`?",
                source + ":25:9: format: does not have a value in the enumeration [\"vertical-short\", \"horizontal-long\"];"
                        + " did you mean `vertical-short`?",
                source + ":29:9: schedule.cron: not a cron expression: it has 4 fields. Write 5 fields (minute hour day-of-month"
                        + " month day-of-week, e.g. '0 9,17 * * *') or Quartz's 6 with seconds first (e.g. '0 0 9,17 * * ?')",
                source + ":30:13: schedule.timeZone: unknown time zone 'Europe/Berln'; did you mean `Europe/Berlin`?"
                        + " (IANA names such as Europe/Berlin)",
                phrases + ":1:1: callsToAction: required property 'callsToAction' not found",
                phrases + ":2:1: callToAction: unknown key; did you mean `callsToAction`?",
                "1 valid channel(s); 6 problem(s)");
        assertThat(logged).as("problems are printed, not logged as well").isEmpty();
    }

    @Test
    void theShippedConfigurationIsValid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ValidateCommand.validate(settings(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1 valid channel(s); 0 problem(s)\n");
        assertThat(exit).isZero();
    }

    @Test
    void everyTestingDimensionIsAcceptedAndAnUnknownStyleIsReportedAtItsKey() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        String demo = Files.readString(Path.of("config/channels/demo.yaml")) + "signals: demo.yaml\n";
        Files.writeString(channels.resolve("demo.yaml"), demo + """
                testing:
                  lengthSeconds: [30, 45]
                  hookStyles: [question, bold-claim, number, story]
                  captionStyles: [plain, word-highlight]
                """);
        Path odd = channels.resolve("odd.yaml");
        Files.writeString(odd, demo.replace("id: demo", "id: odd") + """
                testing:
                  hookStyles: [question, riddle]
                """);
        Files.copy(Path.of("config/signals/demo.yaml"), signals.resolve("demo.yaml"));
        String source = Path.of("").toAbsolutePath().relativize(odd).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ValidateCommand.validate(settings(Map.of("cutline.channels.dir", channels.toString(), "cutline.signals.dir", signals.toString())),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2).last().isEqualTo("1 valid channel(s); 1 problem(s)");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(source + ":").contains("testing.hookStyles[1]");
    }

    private static Settings settings(Map<String, String> overrides) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:config/application.properties");
        Properties properties = new Properties();
        properties.putAll(overrides);
        context.getPropertiesComponent().setOverrideProperties(properties);
        return new Settings(context);
    }

    /** Runs {@code work} while Cutline's own WARN and ERROR log lines are collected into {@code logged}. */
    private static int withLogCapture(List<String> logged, java.util.function.IntSupplier work) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender capture = new AbstractAppender("validate-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLoggerName().startsWith("io.cutline") && event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    logged.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        context.updateLoggers();
        try {
            return work.getAsInt();
        } finally {
            context.getConfiguration().getRootLogger().removeAppender(capture.getName());
            context.updateLoggers();
        }
    }
}
