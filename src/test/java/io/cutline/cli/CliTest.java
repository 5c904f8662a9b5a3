package io.cutline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.cutline.emulator.EmulatorMain;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The first hour at the command line: each command, given a typo'd channel (or option), a missing
 * file and an invalid configuration, ends in at most three lines that name the problem, with the
 * documented exit code, and without a stack trace or an escape code; {@code --verbose} adds the trace.
 * Commands run in this JVM; what they print and what the console would show of the log is counted.
 */
class CliTest {

    @TempDir
    static Path dir;
    static Path brokenChannels;

    @BeforeAll
    static void brokenChannel() throws IOException {
        brokenChannels = Files.createDirectories(dir.resolve("channels"));
        Files.writeString(brokenChannels.resolve("demo.yaml"), Files.readString(Path.of("config/channels/demo.yaml"))
                .replace("  wordsPerMinute: 165", "  wordsPerMinut: 165"));
    }

    @Test
    void produceAndDemo() {
        Run typo = run(Level.WARN, Map.of(), "produce", "--channel", "dmeo");
        typo.endsWith(ExitCode.USAGE, "no channel 'dmeo' (known: demo); did you mean `demo`?");

        run(Level.WARN, missingConfig(), "produce", "--channel", "demo").endsWith(ExitCode.INVALID_CONFIG, "no configuration file");
        run(Level.WARN, missingConfig(), "demo").endsWith(ExitCode.INVALID_CONFIG, "no configuration file");

        Map<String, String> broken = Map.of("cutline.channels.dir", brokenChannels.toString());
        run(Level.WARN, broken, "produce", "--channel", "demo").endsWith(ExitCode.INVALID_CONFIG, "channel 'demo' is invalid", "wordsPerMinut");
        run(Level.WARN, broken, "demo").endsWith(ExitCode.INVALID_CONFIG, "channel 'demo' is invalid", "did you mean `wordsPerMinute`?");
    }

    @Test
    void validate() {
        run(Level.WARN, Map.of(), "validate", "--channel", "dmeo").endsWith(ExitCode.USAGE, "Unknown options: '--channel', 'dmeo'");
        run(Level.WARN, missingConfig(), "validate").endsWith(ExitCode.INVALID_CONFIG, "no configuration file");
        run(Level.WARN, Map.of("cutline.channels.dir", brokenChannels.toString()), "validate")
                .endsWith(ExitCode.INVALID_CONFIG, "voice.wordsPerMinut: unknown key", "0 valid channel(s); 1 problem(s)");
    }

    @Test
    void serve() {
        run(Level.INFO, Map.of(), "serve", "--channel", "demo").endsWith(ExitCode.USAGE, "Unknown options: '--channel', 'demo'");
        run(Level.INFO, missingConfig(), "serve").endsWith(ExitCode.INVALID_CONFIG, "no configuration file");
        run(Level.INFO, Map.of("cutline.db.pool-size", "many"), "serve")
                .endsWith(ExitCode.INVALID_CONFIG, "property cutline.db.pool-size must be an integer, got 'many'", "fix it in");
    }

    @Test
    void aRouteThatCannotBeMadeIsAnInvalidConfiguration() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("broken.yaml"), "- route:\n    id: broken-route\n    from:\n      uri: direkt:start\n"
                + "      steps:\n        - log:\n            message: never\n");
        Map<String, String> settings = Map.of("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml",
                "camel.server.enabled", "false", "cutline.db.url", "jdbc:h2:mem:cli-route;DB_CLOSE_DELAY=-1");

        run(Level.INFO, settings, "serve").endsWith(ExitCode.INVALID_CONFIG, "route broken-route cannot be made",
                "direkt://start", "bin/cutline validate");
    }

    @Test
    void showConfigPrintsEachSettingResolvedWithSecretsMasked() {
        Run shown = run(Level.WARN, Map.of("cutline.db.password", "supersecret-123", "camel.server.port", "18080"), "serve", "--show-config");

        assertThat(shown.exit()).isEqualTo(ExitCode.OK);
        assertThat(shown.output().lines()).contains("cutline.db.password=***", "camel.server.port=18080", "cutline.jobs.concurrency=2")
                .noneMatch(line -> line.contains("supersecret"));
        assertThat(shown.console()).isEmpty();
    }

    @Test
    void emulator() {
        run(Level.INFO, Map.of(), () -> new CommandLine(new EmulatorMain()), "--prot", "9000")
                .endsWith(ExitCode.USAGE, "Unknown options: '--prot', '9000'", "did you mean --port?");
        run(Level.INFO, Map.of(), () -> new CommandLine(new EmulatorMain()), "--port", "eighty")
                .endsWith(ExitCode.USAGE, "Invalid value for option '--port'");
    }

    @Test
    void verbosePrintsTheStackTraceThatOtherwiseGoesToTheLogFileOnly() {
        Run quiet = run(Level.WARN, Map.of(), "produce", "--channel", "dmeo");
        Run verbose = run(Level.WARN, Map.of(), "produce", "--channel", "dmeo", "--verbose");

        assertThat(quiet.output()).doesNotContain("UnknownChannelException");
        assertThat(verbose.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(verbose.output()).contains("no channel 'dmeo'", "io.cutline.channel.UnknownChannelException", "\tat io.cutline.");
    }

    private Map<String, String> missingConfig() {
        return Map.of("cutline.config", dir.resolve("no-such.properties").toString());
    }

    /** What a run showed: the exit code, stdout and stderr, and the log lines the console would have shown. */
    record Run(String command, int exit, String output, List<String> console) {

        void endsWith(int code, String... named) {
            List<String> lines = new ArrayList<>(output.lines().toList());
            lines.addAll(console);
            assertThat(exit).as(command + " exit code; it showed:%n%s", String.join("\n", lines)).isEqualTo(code);
            assertThat(lines).as(command + " shows at most 3 lines").hasSizeLessThanOrEqualTo(3);
            assertThat(String.join("\n", lines)).as(command).contains(named).doesNotContain("\u001b[", "Exception", "\tat ");
        }
    }

    private Run run(Level consoleLevel, Map<String, String> properties, String... args) {
        return run(consoleLevel, properties, () -> new CommandLine(new CutlineCommand()), args);
    }

    /**
     * Runs a command as {@code bin/cutline} does (console log at {@code consoleLevel}, settings as
     * {@code -D} properties), with stdout, stderr and what the console appender would print captured.
     */
    private Run run(Level consoleLevel, Map<String, String> properties, Supplier<CommandLine> command, String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> console = new CopyOnWriteArrayList<>();
        properties.forEach(System::setProperty);
        Runnable stopCapture = captureConsole(consoleLevel, console);
        System.setOut(captured);
        System.setErr(captured);
        try {
            int exit = Failures.install(command.get()).execute(args);
            return new Run(String.join(" ", args), exit, output.toString(StandardCharsets.UTF_8), console);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            stopCapture.run();
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /** Collects what the console appender of log4j2.properties would print at {@code threshold}; returns how to stop. */
    private static Runnable captureConsole(Level threshold, List<String> console) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender capture = new AbstractAppender("console-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                console.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        Set<LoggerConfig> loggers = new HashSet<>(context.getConfiguration().getLoggers().values());
        loggers.add(context.getConfiguration().getRootLogger());
        List<LoggerConfig> touched = loggers.stream().filter(logger -> logger.getAppenders().containsKey("console")).toList();
        for (LoggerConfig logger : touched) {
            Level own = logger.getAppenderRefs().stream().filter(ref -> ref.getRef().equals("console"))
                    .map(AppenderRef::getLevel).filter(Objects::nonNull).findFirst().orElse(Level.ALL);
            logger.addAppender(capture, own.isMoreSpecificThan(threshold) ? own : threshold, null);
        }
        context.updateLoggers();
        return () -> {
            touched.forEach(logger -> logger.removeAppender(capture.getName()));
            context.updateLoggers();
        };
    }
}
