package io.cutline.document;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds the JSON tree of one YAML document from the parser's events, remembering where each key
 * and value starts. It works from events, with its own stack, rather than from snakeyaml-engine's
 * composed nodes, so that hostile input is refused before it costs anything: nesting deeper than
 * {@link #MAX_DEPTH} is refused where it starts (the composer recurses and overflows the stack),
 * and anchors and aliases are refused outright (a few hundred bytes of aliases expand to billions
 * of nodes, the "billion laughs"; configuration files have no need for them).
 */
final class YamlTree {

    /** Deepest nesting of mappings and lists; Cutline's own files stay under 30 levels. */
    static final int MAX_DEPTH = 100;

    /** An open mapping or list: where it is, and in a mapping the key waiting for its value. */
    private static final class Open {
        final ContainerNode<?> node;
        final String pointer;
        final Set<String> keys = new HashSet<>();
        String key;

        Open(ContainerNode<?> node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }
    }

    private final String source;
    private final ScalarResolver resolver;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Position> fields = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private JsonNode root;
    private int documents;

    YamlTree(String source, ScalarResolver resolver) {
        this.source = source;
        this.resolver = resolver;
    }

    void accept(Event event) {
        if (event instanceof NodeEvent node && !(event instanceof AliasEvent)) {
            node.getAnchor().ifPresent(anchor -> {
                throw refused(event, "YAML anchors (&" + anchor + ") are not allowed in configuration files: write the value out");
            });
        }
        switch (event.getEventId()) {
            case Alias -> throw refused(event, "YAML aliases (*" + ((AliasEvent) event).getAlias()
                    + ") are not allowed in configuration files: write the value out");
            case DocumentStart -> {
                if (++documents > 1) {
                    throw refused(event, "more than one YAML document (---) in one file");
                }
            }
            case Scalar -> scalar((ScalarEvent) event);
            case MappingStart -> start(JsonNodeFactory.instance.objectNode(), event);
            case SequenceStart -> start(JsonNodeFactory.instance.arrayNode(), event);
            case MappingEnd, SequenceEnd -> open.pop();
            default -> {
            }
        }
    }

    /** The document's root, or null when it held nothing. */
    JsonNode root() {
        return root;
    }

    /** Where each field is: the key of a mapping's value, the item itself in a list. */
    Map<String, Position> fields() {
        return fields;
    }

    /** Where each value starts. */
    Map<String, Position> values() {
        return values;
    }

    private void scalar(ScalarEvent event) {
        Open parent = open.peek();
        if (parent != null && parent.node instanceof ObjectNode && parent.key == null) {
            String key = event.getValue();
            if (!parent.keys.add(key)) {
                throw new InvalidDocumentException(List.of(new DocumentProblem(source, position(event), key, "duplicate key")));
            }
            parent.key = key;
            fields.put(parent.pointer + "/" + escape(key), position(event));
            return;
        }
        Tag tag = event.getTag().filter(explicit -> !explicit.equals("!")).map(Tag::new)
                .orElseGet(() -> resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar()));
        place(value(event.getValue(), tag), event);
    }

    private void start(ContainerNode<?> node, Event event) {
        Open parent = open.peek();
        if (parent != null && parent.node instanceof ObjectNode && parent.key == null) {
            throw refused(event, "a key must be a plain value, not a list or mapping");
        }
        if (open.size() >= MAX_DEPTH) {
            throw refused(event, "nested more than " + MAX_DEPTH + " levels deep");
        }
        open.push(new Open(node, place(node, event)));
    }

    /** Puts a value into the open mapping or list (or makes it the root) and returns its JSON pointer. */
    private String place(JsonNode value, Event event) {
        Open parent = open.peek();
        String pointer;
        if (parent == null) {
            root = value;
            pointer = "";
            fields.put(pointer, position(event));
        } else if (parent.node instanceof ObjectNode object) {
            pointer = parent.pointer + "/" + escape(parent.key);
            object.set(parent.key, value);
            parent.key = null;
        } else {
            ArrayNode array = (ArrayNode) parent.node;
            pointer = parent.pointer + "/" + array.size();
            array.add(value);
            fields.put(pointer, position(event));
        }
        values.put(pointer, position(event));
        return pointer;
    }

    private InvalidDocumentException refused(Event event, String message) {
        return new InvalidDocumentException(List.of(new DocumentProblem(source, position(event), "", message)));
    }

    private static Position position(Event event) {
        return event.getStartMark().map(mark -> new Position(mark.getLine() + 1, mark.getColumn() + 1)).orElse(Position.UNKNOWN);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode value(String text, Tag tag) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        try {
            if (Tag.NULL.equals(tag)) {
                return factory.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return factory.booleanNode(text.equalsIgnoreCase("true"));
            }
            if (Tag.INT.equals(tag)) {
                return factory.numberNode(new BigInteger(text.replace("_", "")).longValueExact());
            }
            if (Tag.FLOAT.equals(tag)) {
                return factory.numberNode(Double.parseDouble(text));
            }
        } catch (RuntimeException e) {
            return factory.textNode(text);
        }
        return factory.textNode(text);
    }
}
