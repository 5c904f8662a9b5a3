package io.cutline.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** A JSON Schema (draft 2020-12) from {@code src/main/resources/schemas}, checked against documents. */
public final class SchemaCheck {

    private final JsonSchema schema;

    private SchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    public static SchemaCheck load(String name) {
        return load(name, schema -> { });
    }

    /** A schema completed at load time by {@code complete} (e.g. lists of names that come from configuration). */
    public static SchemaCheck load(String name, Consumer<ObjectNode> complete) {
        String resource = "/schemas/" + name;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is missing from the classpath");
            }
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            complete.accept(schema);
            return new SchemaCheck(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of a YAML document, each with its line. */
    public List<DocumentProblem> problems(YamlDocument document) {
        return problems(document.root(), document.source(), document::lineOf);
    }

    /** Problems of a JSON value that has no lines (a request body, a model's output). */
    public List<DocumentProblem> problems(JsonNode value, String source) {
        return problems(value, source, pointer -> 0);
    }

    public void require(JsonNode value, String source) {
        List<DocumentProblem> problems = problems(value, source);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    private List<DocumentProblem> problems(JsonNode value, String source, ToIntFunction<String> lineOf) {
        return schema.validate(value).stream()
                .map(message -> problem(message, source, lineOf))
                .sorted(Comparator.comparingInt(DocumentProblem::line).thenComparing(DocumentProblem::message))
                .toList();
    }

    private static DocumentProblem problem(ValidationMessage message, String source, ToIntFunction<String> lineOf) {
        JsonNodePath location = message.getInstanceLocation();
        String field = fieldName(location, message.getProperty());
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            text = text.substring(colon + 2);
        }
        return new DocumentProblem(source, lineOf.applyAsInt(pointer(location)), field, text);
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
            pointer.append('/').append(String.valueOf(location.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
