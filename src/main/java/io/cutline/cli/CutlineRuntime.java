package io.cutline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cutline.api.ApiConfiguration;
import io.cutline.assembly.AssemblyConfiguration;
import io.cutline.channel.ChannelConfiguration;
import io.cutline.channel.ChannelRegistry;
import io.cutline.config.CoreConfiguration;
import io.cutline.config.Settings;
import io.cutline.console.ConsoleConfiguration;
import io.cutline.distribution.DistributionConfiguration;
import io.cutline.feedback.FeedbackConfiguration;
import io.cutline.generation.GenerationConfiguration;
import io.cutline.job.JobConfiguration;
import io.cutline.ledger.LedgerConfiguration;
import io.cutline.mcp.McpConfiguration;
import io.cutline.media.MediaConfiguration;
import io.cutline.provider.ProviderConfiguration;
import io.cutline.research.ResearchConfiguration;
import io.cutline.schedule.ScheduleConfiguration;
import io.cutline.storyboard.StoryboardConfiguration;
import io.cutline.voice.VoiceConfiguration;
import io.cutline.webhook.WebhookConfiguration;
import io.cutline.writer.WriterConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;

/**
 * Builds the Camel Main the commands run: properties from {@code config/application.properties}
 * (environment variables and {@code -D} system properties override them), beans from one
 * configuration per package ({@link #CONFIGURATIONS}), routes from {@code routes/}.
 */
public final class CutlineRuntime {

    /** Where the properties file is: {@code config/application.properties}, unless {@code CUTLINE_CONFIG} or {@code -Dcutline.config} names another. */
    public static String config() {
        return System.getProperty("cutline.config", System.getenv().getOrDefault("CUTLINE_CONFIG", "config/application.properties"));
    }

    /**
     * In the order Camel runs them: the shared packages first (a later configuration's beans take
     * earlier ones as parameters), then one per layer, then the surface (schedules, API, console).
     */
    public static final List<Class<? extends CamelConfiguration>> CONFIGURATIONS = List.of(
            CoreConfiguration.class, LedgerConfiguration.class, MediaConfiguration.class, ProviderConfiguration.class,
            ChannelConfiguration.class, WriterConfiguration.class, JobConfiguration.class,
            ResearchConfiguration.class, StoryboardConfiguration.class, VoiceConfiguration.class, GenerationConfiguration.class,
            AssemblyConfiguration.class, DistributionConfiguration.class, FeedbackConfiguration.class, WebhookConfiguration.class,
            ScheduleConfiguration.class, ApiConfiguration.class, ConsoleConfiguration.class,
            McpConfiguration.class);

    private CutlineRuntime() {
    }

    public static Main main(Map<String, String> overrides) {
        requireConfig();
        Main main = new Main();
        // instances, not classes: Camel makes a class into an instance with its injector, which binds the
        // beans, and then binds them again as it configures (every bean, the ledger pool included, twice)
        CONFIGURATIONS.forEach(type -> main.configure().addConfiguration(instance(type)));
        main.setPropertyPlaceholderLocations("file:" + config());
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    private static CamelConfiguration instance(Class<? extends CamelConfiguration> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName(), e);
        }
    }

    /** Fails the command (exit code 3) when the properties file is not there. */
    static void requireConfig() {
        if (!Files.isRegularFile(Path.of(config()))) {
            throw new CommandFailure(ExitCode.INVALID_CONFIG, "no configuration file " + config(),
                    "run bin/cutline in the project directory, or set CUTLINE_CONFIG to an application.properties");
        }
    }

    /** Reads the settings (properties file, environment, {@code -D}) without starting the service. */
    static <T> T withSettings(Function<Settings, T> use) {
        requireConfig();
        DefaultCamelContext context = new DefaultCamelContext();
        try {
            context.getPropertiesComponent().setLocation("file:" + config());
            return use.apply(new Settings(context));
        } finally {
            context.stop();
        }
    }

    /** Fails the command at once, before the service starts, when channel {@code id} is unknown or invalid. */
    static void requireChannel(String id) {
        withSettings(settings -> channels(settings, new ObjectMapper()).readNow(id));
    }

    /** The channel registry the settings describe, for a command that checks channels without starting the service. */
    static ChannelRegistry channels(Settings settings, ObjectMapper json) {
        return ChannelConfiguration.registry(settings, json, new ChannelConfiguration().platforms(settings));
    }

    /**
     * One-shot runs (produce, demo): no HTTP server, no schedules, no pick-up of other jobs. The
     * layers' seda consumers wait 100 ms for a message instead of a second, so that stopping once the
     * job is done does not wait a second per queue (3.0 s to stop became 0.8 s).
     */
    public static Map<String, String> oneShot() {
        return Map.of(
                "camel.server.enabled", "false",
                "camel.management.enabled", "false",
                "camel.main.routes-exclude-pattern", "file:routes/api.yaml,file:routes/console.yaml,file:routes/mcp.yaml",
                "camel.main.routes-reload-enabled", "false",
                "camel.component.seda.default-poll-timeout", "100",
                "cutline.schedules.enabled", "false",
                "cutline.jobs.recovery-enabled", "false");
    }
}
