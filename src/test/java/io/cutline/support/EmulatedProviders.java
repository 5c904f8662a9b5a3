package io.cutline.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.CoreConfiguration;
import io.cutline.config.ProviderSettings;
import io.cutline.config.Settings;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.media.MediaConfiguration;
import io.cutline.media.MediaProbe;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderCatalog;
import io.cutline.provider.ProviderConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For adapter contract tests ({@code @RegisterExtension static}): the provider emulator on loopback
 * (started once for the class, its faults cleared before each test) and the adapters built exactly as
 * the service builds them — from {@code config/application.properties} with every provider pointed at
 * the emulator ({@link HostedSettings#emulated}) — through the service's own configuration classes
 * and {@link ProviderCatalog}.
 */
public final class EmulatedProviders implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    /** The environment variable (set by the build) that holds the key every emulated provider accepts. */
    public static final String KEY_VARIABLE = "CUTLINE_TEST_API_KEY";

    private final long seed;
    private final Map<String, String> overrides;
    private final List<DefaultCamelContext> contexts = new ArrayList<>();
    private ProviderEmulator emulator;
    private Settings settings;
    private AdapterKit kit;

    /** {@code overrides}: properties on top of the emulated ones, e.g. a test-only provider's block or other timeouts. */
    public EmulatedProviders(long seed, Map<String, String> overrides) {
        this.seed = seed;
        this.overrides = Map.copyOf(overrides);
    }

    public EmulatedProviders(long seed) {
        this(seed, Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    /** Starts the emulator and builds the settings and kit (what a benchmark calls outside JUnit). */
    public EmulatedProviders open() {
        emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(KEY_VARIABLE), seed);
        return openAgainst(emulator.baseUrl());
    }

    /**
     * Builds the settings and kit against an emulator already running at {@code base}, in another process
     * (a benchmark that measures this JVM's heap must not count the emulator's); {@link #emulator()} is then null.
     */
    public EmulatedProviders openAgainst(String base) {
        Map<String, String> properties = new HashMap<>(HostedSettings.emulated(base));
        properties.putAll(overrides);
        DefaultCamelContext camel = context(properties);
        settings = new Settings(camel);
        kit = kit(camel, settings);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        contexts.forEach(DefaultCamelContext::stop);
        if (emulator != null) {
            emulator.close();
        }
    }

    public ProviderEmulator emulator() {
        return emulator;
    }

    /** The settings the adapters are built from (the shipped ones, pointed at the emulator, with the overrides). */
    public Settings settings() {
        return settings;
    }

    public AdapterKit kit() {
        return kit;
    }

    public MediaProbe probe() {
        return kit.probe();
    }

    /** A provider's settings block, e.g. {@code block("cutline.generation", "runway")}. */
    public ProviderSettings block(String area, String name) {
        ProviderSettings block = settings.providers(area).get(name);
        if (block == null) {
            throw new IllegalArgumentException("no provider " + area + "." + name + " (no " + area + "." + name + ".adapter property)");
        }
        return block;
    }

    /** The adapter the service would build for a provider. */
    public <T> T adapter(String area, String name, Class<T> kind) {
        return ProviderCatalog.build(block(area, name), kit, kind);
    }

    /** The adapter for a block changed as {@code changed} says (e.g. another base URL or key variable). */
    public <T> T adapter(String area, String name, Class<T> kind, Map<String, String> changed) {
        ProviderSettings block = block(area, name);
        Map<String, String> values = new HashMap<>(block.values());
        values.putAll(changed);
        return ProviderCatalog.build(new ProviderSettings(block.name(), block.propertyPrefix(), values), kit, kind);
    }

    /**
     * The adapter with a gateway that gives up on an answer after {@code responseTimeout} (for a reply
     * that comes too late); in a Camel context of its own, as a gateway's timeouts are per context.
     */
    public <T> T adapter(String area, String name, Class<T> kind, Duration responseTimeout) {
        Map<String, String> properties = new HashMap<>(HostedSettings.emulated(emulator));
        properties.putAll(overrides);
        properties.put("cutline.providers.response-timeout-ms", String.valueOf(responseTimeout.toMillis()));
        DefaultCamelContext camel = context(properties);
        HttpGateway impatient = new ProviderConfiguration().httpGateway(camel, new Settings(camel));
        return ProviderCatalog.build(block(area, name), new AdapterKit(impatient, kit.downloads(), kit.json(), kit.tools(), kit.probe(), kit.fonts()), kind);
    }

    private DefaultCamelContext context(Map<String, String> properties) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setLocation("file:config/application.properties");
        Properties override = new Properties();
        override.putAll(properties);
        camel.getPropertiesComponent().setOverrideProperties(override);
        camel.start();
        contexts.add(camel);
        return camel;
    }

    private static AdapterKit kit(DefaultCamelContext camel, Settings settings) {
        ObjectMapper json = new CoreConfiguration().json();
        MediaConfiguration media = new MediaConfiguration();
        var tools = media.toolRunner(camel, settings);
        ProviderConfiguration providers = new ProviderConfiguration();
        return new AdapterKit(providers.httpGateway(camel, settings), providers.mediaDownloads(settings), json, tools,
                new MediaProbe(tools, json), media.fonts(settings));
    }
}
