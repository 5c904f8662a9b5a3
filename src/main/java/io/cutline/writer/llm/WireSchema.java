package io.cutline.writer.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document's schema as a model is asked to follow it (strict structured output): every property
 * required, no other properties, and none of the keywords strict mode does not take (lengths, counts,
 * patterns, bounds). The full schema is still checked on the answer by the writing desk.
 */
final class WireSchema {

    private static final List<String> DROPPED = List.of("$schema", "$id", "title", "minLength", "maxLength", "pattern", "minItems",
            "maxItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format");

    private WireSchema() {
    }

    /** The strict form of {@code schemas/<name>.schema.json}. */
    static ObjectNode of(String name, ObjectMapper json) {
        try (InputStream in = WireSchema.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the classpath");
            }
            ObjectNode schema = (ObjectNode) json.readTree(in);
            strict(schema);
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strict(ObjectNode node) {
        node.remove(DROPPED);
        if (node.has("enum") && !node.has("type")) {
            node.put("type", "string");
        }
        if (node.path("properties") instanceof ObjectNode properties) {
            ArrayNode required = node.putArray("required");
            properties.fieldNames().forEachRemaining(required::add);
            node.put("additionalProperties", false);
            properties.forEach(property -> strict((ObjectNode) property));
        }
        if (node.path("items") instanceof ObjectNode items) {
            strict(items);
        }
    }
}
