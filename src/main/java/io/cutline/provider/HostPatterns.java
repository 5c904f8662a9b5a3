package io.cutline.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a provider's media may be downloaded from, as its block lists them
 * ({@code download-hosts = *.cloudfront.net, storage.example.com}): an exact host, or
 * {@code *.domain} for any host below that domain. An empty list allows none.
 */
public record HostPatterns(String property, List<String> patterns) {

    public HostPatterns {
        patterns = List.copyOf(patterns);
    }

    public static HostPatterns parse(String property, String list) {
        return new HostPatterns(property, Arrays.stream(list.split(","))
                .map(pattern -> pattern.strip().toLowerCase(Locale.ROOT)).filter(pattern -> !pattern.isEmpty()).toList());
    }

    public boolean matches(String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return patterns.stream().anyMatch(pattern -> pattern.startsWith("*.")
                ? name.endsWith(pattern.substring(1)) && name.length() > pattern.length() - 1
                : name.equals(pattern));
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "none listed" : String.join(", ", patterns);
    }
}
