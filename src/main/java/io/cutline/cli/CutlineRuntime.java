package io.cutline.cli;

import java.util.List;
import java.util.Map;

import io.cutline.api.ApiConfiguration;
import io.cutline.assembly.AssemblyConfiguration;
import io.cutline.channel.ChannelConfiguration;
import io.cutline.config.CoreConfiguration;
import io.cutline.distribution.DistributionConfiguration;
import io.cutline.generation.GenerationConfiguration;
import io.cutline.job.JobConfiguration;
import io.cutline.ledger.LedgerConfiguration;
import io.cutline.media.MediaConfiguration;
import io.cutline.provider.ProviderConfiguration;
import io.cutline.research.ResearchConfiguration;
import io.cutline.schedule.ScheduleConfiguration;
import io.cutline.storyboard.StoryboardConfiguration;
import io.cutline.voice.VoiceConfiguration;
import io.cutline.webhook.WebhookConfiguration;
import io.cutline.writer.WriterConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main the commands run: properties from {@code config/application.properties}
 * (environment variables and {@code -D} system properties override them), beans from one
 * configuration per package ({@link #CONFIGURATIONS}), routes from {@code routes/}.
 */
public final class CutlineRuntime {

    /** Where the properties file is; {@code CUTLINE_CONFIG} points elsewhere. */
    public static final String CONFIG = System.getenv().getOrDefault("CUTLINE_CONFIG", "config/application.properties");

    /**
     * In the order Camel runs them: the shared packages first (a later configuration's beans take
     * earlier ones as parameters), then one per layer, then the surface (schedules, API).
     */
    public static final List<Class<? extends CamelConfiguration>> CONFIGURATIONS = List.of(
            CoreConfiguration.class, LedgerConfiguration.class, MediaConfiguration.class, ProviderConfiguration.class,
            ChannelConfiguration.class, WriterConfiguration.class, JobConfiguration.class,
            ResearchConfiguration.class, StoryboardConfiguration.class, VoiceConfiguration.class, GenerationConfiguration.class,
            AssemblyConfiguration.class, DistributionConfiguration.class, WebhookConfiguration.class,
            ScheduleConfiguration.class, ApiConfiguration.class);

    private CutlineRuntime() {
    }

    public static Main main(Map<String, String> overrides) {
        Main main = new Main();
        CONFIGURATIONS.forEach(main.configure()::addConfiguration);
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
