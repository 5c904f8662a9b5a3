package io.cutline.channel;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The names a channel file may use that come from configuration, not from the schema: the
 * generation, voice and writer providers and the platforms that have a settings block. Adding a provider or
 * platform block makes its name valid in channel files.
 */
public record ChannelVocabulary(Set<String> videoProviders, Set<String> voiceProviders, Set<String> platforms, Set<String> writers) {

    public ChannelVocabulary(Collection<String> videoProviders, Collection<String> voiceProviders, Collection<String> platforms,
                             Collection<String> writers) {
        this(Set.copyOf(videoProviders), Set.copyOf(voiceProviders), Set.copyOf(platforms), Set.copyOf(writers));
    }

    /** Writes each list of names as the {@code enum} of its place in the channel schema. */
    void complete(ObjectNode schema) {
        Map.of("/$defs/providerChain/items", videoProviders,
                "/properties/generation/properties/provider", videoProviders,
                "/properties/testing/properties/generators/items", videoProviders,
                "/properties/voice/properties/provider", voiceProviders,
                "/properties/platforms/items", platforms,
                "/properties/shorts/properties/platforms/items", platforms,
                "/properties/writer/properties/provider", writers,
                "/properties/writer/properties/fallback", writers).forEach((pointer, names) -> {
                    if (!(schema.at(pointer) instanceof ObjectNode place)) {
                        throw new IllegalStateException("the channel schema has no " + pointer);
                    }
                    ArrayNode allowed = place.putArray("enum");
                    new TreeSet<>(names).forEach(allowed::add);
                });
    }
}
