package io.cutline.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A JSON Schema checked against documents. Each problem is placed where an operator would look:
 * an unknown key at the key itself (with the closest known key as a suggestion), a missing key at
 * the mapping that lacks it, anything else at the offending value; a value not in an enumeration
 * gets the closest allowed value as a suggestion.
 */
public final class SchemaCheck {

    private final JsonNode schemaTree;
    private final JsonSchema schema;

    private SchemaCheck(JsonNode schemaTree, JsonSchema schema) {
        this.schemaTree = schemaTree;
        this.schema = schema;
    }

    /** A draft 2020-12 schema from {@code src/main/resources/schemas}. */
    public static SchemaCheck load(String name) {
        return load(name, schema -> { });
    }

    /** A schema completed at load time by {@code complete} (e.g. lists of names that come from configuration). */
    public static SchemaCheck load(String name, Consumer<ObjectNode> complete) {
        return fromClasspath("/schemas/" + name, SpecVersion.VersionFlag.V202012, complete);
    }

    /** Any schema on the classpath, e.g. the one a library ships. */
    public static SchemaCheck fromClasspath(String resource, SpecVersion.VersionFlag version, Consumer<ObjectNode> complete) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is missing from the classpath");
            }
            ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(in);
            complete.accept(tree);
            // subschemas are built as a document reaches them: large schemas (Camel's) load in a fraction of the time
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().preloadJsonSchema(false).locale(Locale.ENGLISH).build();
            return new SchemaCheck(tree, JsonSchemaFactory.getInstance(version).getSchema(tree, config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of a YAML document, each at its line and column. */
    public List<DocumentProblem> problems(YamlDocument document) {
        return schema.validate(document.root()).stream()
                .map(message -> problem(message, document))
                .sorted(Comparator.comparingInt(DocumentProblem::line).thenComparingInt(DocumentProblem::column)
                        .thenComparing(DocumentProblem::message))
                .toList();
    }

    /** Problems of a JSON value that has no lines (a request body, a model's output). */
    public List<DocumentProblem> problems(JsonNode value, String source) {
        return problems(YamlDocument.unlocated(value, source));
    }

    public void require(JsonNode value, String source) {
        List<DocumentProblem> problems = problems(value, source);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    private DocumentProblem problem(ValidationMessage message, YamlDocument document) {
        String pointer = pointer(message.getInstanceLocation());
        String field = fieldName(message.getInstanceLocation(), message.getProperty());
        return switch (message.getType()) {
            case "additionalProperties", "unevaluatedProperties" -> unknownKey(message, document, pointer, field);
            case "required" -> new DocumentProblem(document.source(), document.positionOf(pointer), field, text(message));
            case "enum" -> notAllowed(message, document, pointer, field);
            default -> new DocumentProblem(document.source(), document.valuePositionOf(pointer), field, text(message));
        };
    }

    /** At the key itself, with the closest key the schema knows there, or the list of them. */
    private DocumentProblem unknownKey(ValidationMessage message, YamlDocument document, String pointer, String field) {
        String key = message.getProperty();
        List<String> known = new ArrayList<>();
        schemaTree.at(pointer(message.getSchemaLocation().getFragment().getParent())).path("properties")
                .fieldNames().forEachRemaining(known::add);
        String hint = ClosestName.hint(key, known);
        if (hint.isEmpty() && !known.isEmpty()) {
            hint = "; the keys here are " + String.join(", ", known);
        }
        return new DocumentProblem(document.source(), document.positionOf(pointer + "/" + escape(key)), field, "unknown key" + hint);
    }

    /** At the value, with the closest allowed value. */
    private DocumentProblem notAllowed(ValidationMessage message, YamlDocument document, String pointer, String field) {
        List<String> allowed = new ArrayList<>();
        schemaTree.at(pointer(message.getSchemaLocation().getFragment())).forEach(value -> allowed.add(value.asText()));
        JsonNode value = document.root().at(pointer);
        String hint = value.isTextual() ? ClosestName.hint(value.asText(), allowed) : "";
        return new DocumentProblem(document.source(), document.valuePositionOf(pointer), field, text(message) + hint);
    }

    /** The message without networknt's leading location ({@code /voice/name: }), which the field already names. */
    private static String text(ValidationMessage message) {
        String text = message.getMessage();
        String location = message.getInstanceLocation() + ": ";
        return text.startsWith(location) ? text.substring(location.length()) : text;
    }

    /** A readable field path such as {@code voice.name} or {@code platforms[1]}. */
    private static String fieldName(JsonNodePath location, String property) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(element);
            }
        }
        if (property != null && !property.isEmpty()) {
            name.append(name.isEmpty() ? "" : ".").append(property);
        }
        return name.isEmpty() ? "(document)" : name.toString();
    }

    private static String pointer(JsonNodePath location) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        return pointer.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
