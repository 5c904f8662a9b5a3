package io.cutline.config;

import java.util.Map;
import java.util.Optional;

import io.cutline.timing.DurationRule;

/**
 * One provider's block of configuration ({@code cutline.<area>.<name>.*}), all from configuration:
 * which adapter speaks to it, its base URL, the environment variable holding its key, its model id
 * (providers retire model ids every few months), its prices and limits. A missing or malformed value
 * is an error naming the property.
 */
public record ProviderSettings(String name, String propertyPrefix, Map<String, String> values) {

    public ProviderSettings {
        values = Map.copyOf(values);
    }

    public String text(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "property " + property(key) + " is not set (see config/application.properties)"));
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("property " + property(key) + " must be an integer, got '" + values.get(key) + "'", e);
        }
    }

    public double decimal(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("property " + property(key) + " must be a number, got '" + values.get(key) + "'", e);
        }
    }

    /** The full property name of one of this block's keys, for messages. */
    public String property(String key) {
        return propertyPrefix + "." + key;
    }

    public String baseUrl() {
        return text("base-url");
    }

    public String model() {
        return text("model");
    }

    /** The clip lengths the model makes ({@code durations}: any | 2-10 | 5,10). */
    public DurationRule durations() {
        return DurationRule.parse(text("durations"));
    }

    /** The key, from the environment variable {@code api-key-env} names, read at the moment of use. */
    public String apiKey() {
        return secret("api-key-env");
    }

    /** A secret from the environment variable that the block's {@code envKey} property names. */
    public String secret(String envKey) {
        return Credentials.require(optional(envKey).orElse(null), property(envKey));
    }

    /** The base URL joined with a path, with exactly one slash between them. */
    public String url(String path) {
        return baseUrl().replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
    }
}
