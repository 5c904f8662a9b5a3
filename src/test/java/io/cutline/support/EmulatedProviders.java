package io.cutline.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.media.MediaProbe;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.HttpGateway;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an adapter contract test talks to, as a JUnit extension on a static field: the provider
 * emulator on loopback (started once for the class, its faults cleared before each test), the HTTP
 * gateway the adapters send through (in a bare Camel context) and ffprobe to measure what they bring back.
 */
public final class EmulatedProviders implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The variable holding the key the emulator accepts (set by surefire). */
    public static final String KEY_VARIABLE = "CUTLINE_TEST_API_KEY";

    private final long seed;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final ObjectMapper json;
    private ProviderEmulator emulator;
    private DefaultCamelContext camel;
    private HttpGateway http;
    private MediaProbe probe;
    private final List<DefaultCamelContext> others = new ArrayList<>();

    /** An emulator seeded with {@code seed}; a gateway with these timeouts. */
    public EmulatedProviders(long seed, Duration connectTimeout, Duration responseTimeout, ObjectMapper json) {
        this.seed = seed;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.json = json;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(KEY_VARIABLE), seed);
        camel = new DefaultCamelContext();
        camel.start();
        http = new HttpGateway(camel, connectTimeout, responseTimeout);
        probe = new MediaProbe(new ToolRunner(camel.createProducerTemplate(),
                Map.of(Tool.FFMPEG, "ffmpeg", Tool.FFPROBE, "ffprobe", Tool.ESPEAK, "espeak-ng"), 60_000), json);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator.faults().clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        others.forEach(DefaultCamelContext::stop);
        camel.stop();
        emulator.close();
    }

    public ProviderEmulator emulator() {
        return emulator;
    }

    public HttpGateway http() {
        return http;
    }

    /**
     * Another gateway, giving up on an answer after {@code responseTimeout} (for tests of a reply
     * that comes too late); in a Camel context of its own, as a gateway's timeouts are per context.
     */
    public HttpGateway http(Duration responseTimeout) {
        DefaultCamelContext own = new DefaultCamelContext();
        own.start();
        others.add(own);
        return new HttpGateway(own, connectTimeout, responseTimeout);
    }

    public MediaProbe probe() {
        return probe;
    }
}
