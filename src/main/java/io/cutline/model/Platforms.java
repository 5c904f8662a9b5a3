package io.cutline.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The platforms this service publishes to, each with its rules; what a channel's {@code platforms} may name. */
public record Platforms(Map<String, PlatformRules> rules) {

    public Platforms {
        rules = Map.copyOf(rules);
    }

    public PlatformRules of(String platform) {
        PlatformRules found = rules.get(platform);
        if (found == null) {
            throw new IllegalArgumentException("no platform '" + platform + "' (configured: " + String.join(", ", names()) + ")");
        }
        return found;
    }

    public Set<String> names() {
        return new TreeMap<>(rules).keySet();
    }
}
