package io.cutline;

import io.cutline.cli.CutlineCommand;
import picocli.CommandLine;

/** Entry point: {@code java -jar target/cutline.jar <serve|produce|demo|validate> ...}. */
public final class Cutline {

    private Cutline() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CutlineCommand()).execute(args));
    }
}
