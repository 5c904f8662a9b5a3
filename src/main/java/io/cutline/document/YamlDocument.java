package io.cutline.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A YAML file read into a JSON tree that remembers where each key and value came from, so
 * validation errors can name the file, line and column. Duplicate keys are errors, not silently
 * last-wins. Configuration is small and plain, so anything else is refused before it can cost
 * memory or time: files over {@link #MAX_BYTES}, anchors and aliases, nesting deeper than
 * {@value YamlTree#MAX_DEPTH} levels (see {@link YamlTree}).
 */
public final class YamlDocument {

    /** Largest file read; Cutline's configuration files are a few KB. */
    public static final int MAX_BYTES = 256 * 1024;

    private final String source;
    private final JsonNode root;
    private final Map<String, Position> fields;
    private final Map<String, Position> values;

    private YamlDocument(String source, JsonNode root, Map<String, Position> fields, Map<String, Position> values) {
        this.source = source;
        this.root = root;
        this.fields = fields;
        this.values = values;
    }

    public static YamlDocument read(Path file, String source) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit, never the whole of a huge (or endless) file
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw problem(source, Position.UNKNOWN, "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw problem(source, Position.UNKNOWN, "the file is larger than " + MAX_BYTES / 1024
                    + " KB, the limit for configuration files; it was not read");
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), source);
        } catch (CharacterCodingException e) {
            throw problem(source, Position.UNKNOWN, "not UTF-8 text");
        }
    }

    public static YamlDocument parse(String text, String source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setCodePointLimit(MAX_BYTES).build();
        YamlTree tree = new YamlTree(source, settings.getSchema().getScalarResolver());
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                tree.accept(event);
            }
        } catch (MarkedYamlEngineException e) {
            Position position = e.getProblemMark().map(mark -> new Position(mark.getLine() + 1, mark.getColumn() + 1))
                    .orElse(Position.UNKNOWN);
            throw new UnparsableDocumentException(new DocumentProblem(source, position, "", "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            throw problem(source, Position.UNKNOWN, "not valid YAML: " + e.getMessage());
        }
        if (tree.root() == null) {
            throw new UnparsableDocumentException(new DocumentProblem(source, Position.line(1), "", "the file is empty"));
        }
        return new YamlDocument(source, tree.root(), Map.copyOf(tree.fields()), Map.copyOf(tree.values()));
    }

    /** A JSON value that did not come from a file (a request body, a model's output): no positions. */
    public static YamlDocument unlocated(JsonNode value, String source) {
        return new YamlDocument(source, value, Map.of(), Map.of());
    }

    public String source() {
        return source;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the field at a JSON pointer is (its key in a mapping), or its nearest located parent. */
    public Position positionOf(String pointer) {
        String current = pointer;
        while (true) {
            Position position = fields.get(current);
            if (position != null) {
                return position;
            }
            if (current.isEmpty()) {
                return Position.UNKNOWN;
            }
            current = current.substring(0, Math.max(current.lastIndexOf('/'), 0));
        }
    }

    /** Where the value at a JSON pointer starts, or where its field is when it is not located. */
    public Position valuePositionOf(String pointer) {
        Position position = values.get(pointer);
        return position != null ? position : positionOf(pointer);
    }

    /** The 1-based line of the field at a JSON pointer, or of its nearest located parent. */
    public int lineOf(String pointer) {
        return positionOf(pointer).line();
    }

    private static InvalidDocumentException problem(String source, Position position, String message) {
        return new InvalidDocumentException(List.of(new DocumentProblem(source, position, "", message)));
    }
}
