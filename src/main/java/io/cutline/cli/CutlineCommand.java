package io.cutline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "cutline", mixinStandardHelpOptions = true,
        description = "Coordinates AI video production: research, script, voice, generate, edit, caption, publish.",
        subcommands = {ServeCommand.class, ProduceCommand.class, DemoCommand.class, ValidateCommand.class, McpCommand.class},
        footer = "Exit codes: 0 ok, 1 internal error, 2 usage error or missing tool, 3 invalid configuration, 4 job parked or unfinished.")
public class CutlineCommand {

    /** Declares --verbose for every command; {@link Failures} asks the parse result whether it was given. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, print the stack trace (always in data/logs)")
    boolean verbose;
}
