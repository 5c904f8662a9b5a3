package io.cutline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Typed, fail-fast access to the properties documented in {@code config/application.properties}.
 * A missing or malformed value stops start-up with a message that names the property.
 */
public final class Settings {

    private final PropertiesComponent properties;

    public Settings(CamelContext context) {
        this.properties = context.getPropertiesComponent();
    }

    public String text(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "property " + key + " is not set (see config/application.properties)"));
    }

    public Optional<String> optional(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("property " + key + " must be an integer, got '" + value + "'", e);
        }
    }

    public double decimal(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("property " + key + " must be a number, got '" + value + "'", e);
        }
    }

    public boolean flag(String key) {
        String value = text(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalStateException("property " + key + " must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Duration millis(String key) {
        return Duration.ofMillis(integer(key));
    }

    public Path path(String key) {
        return Path.of(text(key));
    }
}
