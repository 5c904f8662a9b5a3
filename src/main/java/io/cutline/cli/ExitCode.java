package io.cutline.cli;

/** The exit codes of every {@code cutline} command (README: "Exit codes"). */
public final class ExitCode {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Something failed that the person running the command cannot fix: a bug, or an outside fault; see the log. */
    public static final int INTERNAL = 1;
    /** The command line is wrong (an unknown option or channel, a bad value) or a tool it needs is missing. */
    public static final int USAGE = 2;
    /** The configuration is invalid or missing: a properties file, a channel file, a setting. */
    public static final int INVALID_CONFIG = 3;
    /** The job was parked (failed) or had not finished when the command stopped waiting. */
    public static final int JOB_FAILED = 4;

    private ExitCode() {
    }
}
