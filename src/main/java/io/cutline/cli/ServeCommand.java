package io.cutline.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.cutline.config.Secrets;
import io.cutline.config.Settings;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Runs the headless service: REST API, schedules, job recovery. Logs a short banner"
        + " once it is ready.")
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--show-config", description = "Print every setting as the service would read it (secrets masked) and exit")
    boolean showConfig;

    @Override
    public Integer call() throws Exception {
        if (showConfig) {
            return CutlineRuntime.withSettings(settings -> showConfig(settings, System.out));
        }
        var main = CutlineRuntime.main(Map.of());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                Banner.log(started.getCamelContext());
            }
        });
        main.run();
        return main.getExitCode();
    }

    /** Each property of the configuration file, resolved (environment and {@code -D} overrides applied), secrets masked. */
    static int showConfig(Settings settings, PrintStream out) {
        out.println("# " + CutlineRuntime.config() + " as resolved (environment variables and -D settings applied; secrets masked)");
        for (String key : new TreeSet<>(settings.keys())) {
            String value;
            try {
                value = settings.optional(key).orElse("");
            } catch (IllegalArgumentException unresolved) {
                value = "(cannot be resolved: " + unresolved.getMessage() + ")";
            }
            out.println(Secrets.redact(key + "=" + value));
        }
        return ExitCode.OK;
    }
}
