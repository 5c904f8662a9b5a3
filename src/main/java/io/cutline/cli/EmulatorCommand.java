package io.cutline.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.cutline.emulator.ProviderEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "emulator", description = "Runs the provider emulator on loopback and prints its base URL.")
public class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "0", description = "Port (default: any free port)")
    int port;

    @Option(names = "--key", defaultValue = "emulator-key", description = "The API key every emulated provider accepts")
    String key;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random faults")
    long seed;

    @Override
    public Integer call() throws Exception {
        ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", port, key, seed);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("provider emulator at " + emulator.baseUrl() + " (API key: " + key + ")");
        System.out.println("faults: POST " + emulator.baseUrl() + "/emulator/faults {\"provider\",\"kind\",\"count\"|\"probability\",...}; "
                + "stats: GET " + emulator.baseUrl() + "/emulator/stats");
        new CountDownLatch(1).await();
        return 0;
    }
}
