package io.cutline.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "demo", description = "Produces one video for the offline 'demo' channel and shows where it went.")
public class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return ProduceCommand.produce("demo", null, Duration.ofMinutes(10), System.out);
    }
}
