package io.cutline.cli;

import picocli.CommandLine.Command;

@Command(name = "cutline", mixinStandardHelpOptions = true,
        description = "Coordinates AI video production: research, script, voice, generate, edit, caption, publish.",
        subcommands = {ServeCommand.class, ProduceCommand.class, DemoCommand.class, ValidateCommand.class})
public class CutlineCommand {
}
