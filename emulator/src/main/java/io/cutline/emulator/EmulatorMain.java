package io.cutline.emulator;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.cutline.cli.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/cutline emulator}: the provider emulator on loopback, until the process is stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Runs the provider emulator on loopback and prints its base URL.")
public final class EmulatorMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Port (default: any free port)")
    int port;

    @Option(names = "--key", defaultValue = "emulator-key", description = "The API key every emulated provider accepts")
    String key;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random faults")
    long seed;

    @Option(names = "--fault-rate", defaultValue = "0", description = "Chance of a transient fault at every call "
            + "(a quarter each: 429, 503, a timeout, a lost reply), e.g. 0.05")
    double faultRate;

    @Option(names = "--fault-delay-ms", defaultValue = "15000", description = "How late a timeout fault answers "
            + "(longer than the client waits)")
    long faultDelayMillis;

    public static void main(String[] args) {
        System.exit(Failures.install(new CommandLine(new EmulatorMain())).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", port, key, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        if (faultRate > 0) {
            for (Fault fault : List.of(Fault.of(Fault.Kind.RATE_LIMIT), Fault.of(Fault.Kind.SERVER_ERROR),
                    new Fault(Fault.Kind.TIMEOUT, 0, 0, faultDelayMillis), Fault.of(Fault.Kind.LOST_REPLY))) {
                emulator.faults().sometimes(FaultPlan.ANY, fault, faultRate / 4);
            }
        }
        System.out.println("provider emulator at " + emulator.baseUrl() + " (API key: " + key + ")");
        System.out.println("faults: POST " + emulator.baseUrl() + "/emulator/faults {\"provider\",\"kind\",\"count\"|\"probability\",...}; "
                + "stats: GET " + emulator.baseUrl() + "/emulator/stats");
        new CountDownLatch(1).await();
        return 0;
    }
}
