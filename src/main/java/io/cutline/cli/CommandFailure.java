package io.cutline.cli;

import java.net.BindException;
import java.util.List;

import io.cutline.channel.UnknownChannelException;
import io.cutline.config.InvalidSettingException;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.PropertyBindingException;

/**
 * Why a command failed, as a person can act on it: the problem, what to do about it, and the exit
 * code ({@link ExitCode}). Commands throw it for what they know; {@link #of} reads any other
 * exception into one.
 */
public class CommandFailure extends RuntimeException {

    private final int exitCode;
    private final String advice;

    public CommandFailure(int exitCode, String problem, String advice) {
        super(problem);
        this.exitCode = exitCode;
        this.advice = advice;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The lines to print: the problem, then what to do. */
    public List<String> lines() {
        return advice == null ? List.of(getMessage()) : List.of(getMessage(), advice);
    }

    /** The failure {@code thrown} stands for: the first cause the command line knows, or an internal error. */
    public static CommandFailure of(Throwable thrown, String logFile) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandFailure failure) {
                return failure;
            }
            if (cause instanceof UnknownChannelException unknown) {
                return unknown.invalid()
                        ? new CommandFailure(ExitCode.INVALID_CONFIG, unknown.getMessage(), "fix the channel file (bin/cutline validate lists every problem)")
                        : new CommandFailure(ExitCode.USAGE, unknown.getMessage(), "a channel is a file config/channels/<id>.yaml");
            }
            if (cause instanceof InvalidSettingException setting) {
                return new CommandFailure(ExitCode.INVALID_CONFIG, setting.getMessage(),
                        "fix it in " + CutlineRuntime.config() + " (bin/cutline serve --show-config lists the settings)");
            }
            if (cause instanceof PropertyBindingException binding) {
                return new CommandFailure(ExitCode.INVALID_CONFIG, "cannot set " + binding.getPropertyName() + " to '" + binding.getValue()
                        + "'" + (binding.getCause() == null ? "" : ": " + binding.getCause().getMessage()),
                        "fix it in " + CutlineRuntime.config() + " (bin/cutline serve --show-config lists the settings)");
            }
            if (cause instanceof FailedToCreateRouteException route) {
                return new CommandFailure(ExitCode.INVALID_CONFIG, "route " + route.getRouteId() + " cannot be made: " + rootMessage(route),
                        "fix its route file (bin/cutline validate checks the route files)");
            }
            if (cause instanceof BindException bind) {
                return new CommandFailure(ExitCode.INTERNAL, "cannot listen: " + bind.getMessage(),
                        "another process has the port; stop it, or set CUTLINE_HTTP_PORT");
            }
        }
        return new CommandFailure(ExitCode.INTERNAL, "internal error: " + rootMessage(thrown),
                "the details are in " + logFile + " (--verbose prints them here)");
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }
}
