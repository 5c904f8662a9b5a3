package io.cutline.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cutline.config.ProviderSettings;
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
        return optional(key).orElseThrow(() -> new InvalidSettingException(
                "property " + key + " is not set (see config/application.properties)", null));
    }

    public Optional<String> optional(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("property " + key + " must be an integer, got '" + value + "'", e);
        }
    }

    public double decimal(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("property " + key + " must be a number, got '" + value + "'", e);
        }
    }

    public boolean flag(String key) {
        String value = text(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidSettingException("property " + key + " must be true or false, got '" + value + "'", null);
        }
        return Boolean.parseBoolean(value);
    }

    public Duration millis(String key) {
        return Duration.ofMillis(integer(key));
    }

    public Path path(String key) {
        return Path.of(text(key));
    }

    /**
     * The providers of an area, by name: every {@code <area>.<name>.adapter} property makes one, and
     * its block is every {@code <area>.<name>.*} property (each resolved, so environment variables
     * and overrides apply). Adding a provider is adding such a block; nothing lists them elsewhere.
     */
    /** The name of every property the configuration file sets. */
    public Set<String> keys() {
        return properties.loadProperties().stringPropertyNames();
    }

    public Map<String, ProviderSettings> providers(String area) {
        Pattern adapterKey = Pattern.compile(Pattern.quote(area) + "\\.([a-z0-9][a-z0-9-]*)\\.adapter");
        TreeSet<String> names = new TreeSet<>();
        for (Object key : properties.loadProperties().keySet()) {
            Matcher matcher = adapterKey.matcher(key.toString());
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        }
        Map<String, ProviderSettings> providers = new TreeMap<>();
        for (String name : names) {
            String prefix = area + "." + name;
            Map<String, String> values = new TreeMap<>();
            properties.loadProperties(key -> key.startsWith(prefix + ".")).stringPropertyNames()
                    .forEach(key -> optional(key).ifPresent(value -> values.put(key.substring(prefix.length() + 1), value)));
            providers.put(name, new ProviderSettings(name, prefix, values));
        }
        return providers;
    }
}
