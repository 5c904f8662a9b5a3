package io.cutline.config;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** What every other configuration stands on: typed settings, the clock, JSON, this node's name. */
public class CoreConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Settings settings(CamelContext context) {
        return new Settings(context);
    }

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }

    @BindToRegistry
    public ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** {@code cutline.node.id}, else the host name and a random suffix (unique per process). */
    @BindToRegistry
    public NodeName nodeName(Settings settings) {
        return new NodeName(settings.optional("cutline.node.id")
                .orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
