package io.cutline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Objects;
import java.util.stream.Stream;

import io.cutline.config.Secrets;
import io.cutline.document.ClosestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command ends a failure: one or two lines on stderr naming the problem and what to do,
 * an exit code from {@link ExitCode}, and the stack trace in the log file only ({@code --verbose}
 * prints it as well).
 */
public final class Failures {

    /** Logs to the log file only (log4j2.properties), never to the console. */
    private static final Logger LOG = LoggerFactory.getLogger("io.cutline.cli.failures");

    private Failures() {
    }

    /** {@code commandLine} with these handlers for bad arguments and failed commands. */
    public static CommandLine install(CommandLine commandLine) {
        return commandLine.setParameterExceptionHandler(Failures::usage).setExecutionExceptionHandler(Failures::failed);
    }

    private static int usage(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        Optional<String> suggestion = e instanceof UnmatchedArgumentException unmatched
                ? unmatched.getUnmatched().stream().filter(argument -> argument.startsWith("-")).findFirst()
                        .flatMap(typed -> ClosestName.to(typed, command.getCommandSpec().optionsMap().keySet()))
                : Optional.empty();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + e.getMessage());
        err.println(suggestion.map(option -> "did you mean " + option + "? ").orElse("") + "'" + name + " --help' lists the options");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        CommandFailure failure = CommandFailure.of(e, logFile());
        String name = command.getCommandSpec().qualifiedName();
        if (failure.exitCode() == ExitCode.INTERNAL) {
            LOG.error("{} failed", name, e);
        } else {
            LOG.warn("{} failed: {}", name, Secrets.redact(failure.getMessage()));
        }
        PrintWriter err = command.getErr();
        failure.lines().forEach(line -> err.println(name + ": " + Secrets.redact(line)));
        if (verbose(parsed)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.redact(trace.toString()));
        }
        err.flush();
        return failure.exitCode();
    }

    /** Whether {@code --verbose} was given, to the command or to any subcommand. */
    static boolean verbose(ParseResult parsed) {
        return Stream.iterate(parsed, Objects::nonNull, ParseResult::subcommand).anyMatch(result -> result.hasMatchedOption("--verbose"));
    }

    static String logFile() {
        return System.getProperty("cutline.log.file", "data/logs/cutline.log");
    }
}
