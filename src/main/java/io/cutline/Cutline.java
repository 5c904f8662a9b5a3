package io.cutline;

import io.cutline.cli.CutlineCommand;
import io.cutline.cli.Failures;
import picocli.CommandLine;

/** Entry point: {@code java -jar target/cutline.jar <serve|produce|demo|validate> ...}. */
public final class Cutline {

    private Cutline() {
    }

    public static void main(String[] args) {
        System.exit(Failures.install(new CommandLine(new CutlineCommand())).execute(args));
    }
}
