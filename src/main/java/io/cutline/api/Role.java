package io.cutline.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a token may do: read (GET), operate (read, create or retry jobs, call webhooks), or only call provider webhooks. */
public enum Role {
    READ, OPERATE, HOOK;

    /** Whether a token of this role may make a request that needs {@code needed}. */
    public boolean allows(Role needed) {
        return this == needed || this == OPERATE;
    }

    static Optional<Role> parse(String text) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(text.trim())).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(role -> role.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
