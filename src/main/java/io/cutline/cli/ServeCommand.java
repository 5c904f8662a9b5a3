package io.cutline.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "serve", description = "Runs the headless service: REST API, schedules, job recovery.")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var main = CutlineRuntime.main(Map.of());
        main.run();
        return main.getExitCode();
    }
}
