package io.cutline.cli;

import java.util.Map;

import io.cutline.CutlineConfiguration;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main the commands run: properties from {@code config/application.properties}
 * (environment variables and {@code -D} system properties override them), beans from
 * {@link CutlineConfiguration}, routes from {@code routes/}.
 */
public final class CutlineRuntime {

    /** Where the properties file is; {@code CUTLINE_CONFIG} points elsewhere. */
    public static final String CONFIG = System.getenv().getOrDefault("CUTLINE_CONFIG", "config/application.properties");

    private CutlineRuntime() {
    }

    public static Main main(Map<String, String> overrides) {
        Main main = new Main(CutlineConfiguration.class);
        main.setPropertyPlaceholderLocations("file:" + CONFIG);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    /** One-shot runs (produce, demo): no HTTP server, no schedules, no pick-up of other jobs. */
    public static Map<String, String> oneShot() {
        return Map.of(
                "camel.server.enabled", "false",
                "camel.management.enabled", "false",
                "camel.main.routes-exclude-pattern", "file:routes/api.yaml",
                "camel.main.routes-reload-enabled", "false",
                "cutline.schedules.enabled", "false",
                "cutline.jobs.recovery-enabled", "false");
    }
}
