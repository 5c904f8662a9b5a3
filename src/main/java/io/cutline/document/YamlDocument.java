package io.cutline.document;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML file read into a JSON tree that remembers where each value came from, so validation
 * errors can name the file and line. Duplicate keys are errors, not silently last-wins.
 */
public final class YamlDocument {

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String source, JsonNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = lines;
    }

    public static YamlDocument read(Path file, String source) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 0, "", "cannot read: " + e.getMessage())));
        }
    }

    public static YamlDocument parse(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema()).build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, line, "", "not valid YAML: " + e.getProblem())));
        } catch (YamlEngineException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 0, "", "not valid YAML: " + e.getMessage())));
        }
        if (node.isEmpty()) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 1, "", "the file is empty")));
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = convert(node.get(), "", lines, source);
        return new YamlDocument(source, root, Map.copyOf(lines));
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line of the value at a JSON pointer, or of its nearest located parent. */
    public int lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 0;
            }
            current = current.substring(0, Math.max(current.lastIndexOf('/'), 0));
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines, String source) {
        node.getStartMark().map(Mark::getLine).ifPresent(line -> lines.put(pointer, line + 1));
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = factory.objectNode();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
                String childPointer = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!seen.add(key)) {
                    int line = tuple.getKeyNode().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                    throw new InvalidDocumentException(List.of(new DocumentProblem(source, line, key, "duplicate key")));
                }
                object.set(key, convert(tuple.getValueNode(), childPointer, lines, source));
                // a field is where its key is, even when its value (a block) starts on the next line
                tuple.getKeyNode().getStartMark().ifPresent(mark -> lines.put(childPointer, mark.getLine() + 1));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = factory.arrayNode();
            int index = 0;
            for (Node item : sequence.getValue()) {
                array.add(convert(item, pointer + "/" + index++, lines, source));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar(scalar, factory);
    }

    private static JsonNode scalar(ScalarNode scalar, JsonNodeFactory factory) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return factory.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return factory.booleanNode(value.equalsIgnoreCase("true"));
            }
            if (Tag.INT.equals(tag)) {
                return factory.numberNode(new BigInteger(value.replace("_", "")).longValueExact());
            }
            if (Tag.FLOAT.equals(tag)) {
                return factory.numberNode(Double.parseDouble(value));
            }
        } catch (RuntimeException e) {
            return factory.textNode(value);
        }
        return factory.textNode(value);
    }
}
