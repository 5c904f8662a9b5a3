package io.cutline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelScan;
import io.cutline.config.Settings;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.RouteCheck;
import io.cutline.document.YamlFiles;
import io.cutline.research.SignalLibrary;
import io.cutline.writer.template.TemplateWriter;
import picocli.CommandLine.Command;

/**
 * Checks the configuration without starting the service: every channel file, every signals file,
 * the template writer's phrases and the route files, all in one pass; prints each problem once.
 */
@Command(name = "validate", description = "Checks channel, signals, phrases and route files; prints each problem as"
        + " file:line:column: field: message. Exit code 0: all valid; 3: invalid configuration.")
public class ValidateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return CutlineRuntime.withSettings(settings -> validate(settings, System.out));
    }

    /** Checks what {@code settings} point at, prints the problems and a summary to {@code out}, and returns the exit code. */
    public static int validate(Settings settings, PrintStream out) {
        // the route check spends most of its time loading Camel's schema: on the other core, meanwhile
        CompletableFuture<List<DocumentProblem>> routes =
                CompletableFuture.supplyAsync(() -> new RouteCheck().check(settings.path("cutline.routes.dir")));
        ObjectMapper json = new ObjectMapper();
        ChannelScan channels = CutlineRuntime.channels(settings, json).scan();
        List<DocumentProblem> problems = new ArrayList<>(channels.problems());
        Path signalsDirectory = settings.path("cutline.signals.dir");
        SignalLibrary signals = new SignalLibrary(signalsDirectory, json);
        YamlFiles.in(signalsDirectory).forEach(file -> problems.addAll(signals.problems(file)));
        try {
            TemplateWriter.readPhrases(settings.path("cutline.writer.template.phrases"), json);
        } catch (InvalidDocumentException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(routes.join());
        problems.forEach(out::println);
        out.printf("%d valid channel(s); %d problem(s)%n", channels.channels().size(), problems.size());
        return problems.isEmpty() ? ExitCode.OK : ExitCode.INVALID_CONFIG;
    }
}
