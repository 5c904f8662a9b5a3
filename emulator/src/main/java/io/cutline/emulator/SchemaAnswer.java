package io.cutline.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an emulated LLM answers: a document of the requested JSON schema, filled from the prompt's
 * facts. The prompt is read the way Cutline's prompt files write it: {@code Topic:}, {@code Hook:},
 * {@code Call to action:} lines, lists of {@code - } items (the facts or beats), {@code N seconds},
 * {@code N words a minute} and the channel's look. Each property is filled by its name (a hook, beats
 * from the facts, one scene per line with its seconds at the prompt's speaking rate); any other
 * property by its type. So the answer is schema-shaped for any schema, and valid for Cutline's. A
 * translate prompt ({@code Translate into:}, {@code Title:}, {@code Description:}, the {@code Scenes}
 * list) is answered scene for scene with a {@link PseudoTranslation}.
 */
final class SchemaAnswer {

    private static final Pattern SECONDS = Pattern.compile("(\\d+) seconds");
    private static final Pattern RATE = Pattern.compile("(\\d+) words a minute");
    private static final Pattern HOOK_STYLE = Pattern.compile("Make it ([^\\n]+?)\\.\\n");
    private static final Pattern LOOK = Pattern.compile("channel's look: ([^\\n]+?)\\.?\\n");

    private final ObjectMapper json;
    private final String prompt;
    private final String topic;
    private final List<String> items;
    /** The language a translate prompt asks for ({@code Translate into:}), else null. */
    private final String translation;

    private SchemaAnswer(ObjectMapper json, String prompt) {
        this.json = json;
        this.prompt = prompt;
        this.translation = line("Translate into").orElse(null);
        if (translation != null) {
            this.topic = PseudoTranslation.into(translation, line("Title").orElse("Something worth knowing"));
            this.items = list(prompt, "Scenes").stream().map(scene -> PseudoTranslation.into(translation, scene)).toList();
            return;
        }
        this.topic = line("Topic").orElse("Something worth knowing");
        List<String> facts = list(prompt, "Facts");
        this.items = facts.isEmpty() ? list(prompt, "Beats") : facts;
    }

    /** A document for {@code schema} made from {@code prompt}. */
    static ObjectNode answer(ObjectMapper json, JsonNode schema, String prompt) {
        SchemaAnswer answer = new SchemaAnswer(json, prompt);
        return (ObjectNode) answer.value("document", schema);
    }

    /** A valid document made invalid: its first required property left out, an unknown one added. */
    static ObjectNode violating(ObjectNode document, JsonNode schema) {
        ObjectNode broken = document.deepCopy();
        broken.remove(schema.path("required").path(0).asText());
        broken.put("notes", "this property is not in the schema");
        return broken;
    }

    private JsonNode value(String name, JsonNode schema) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object":
                ObjectNode object = json.createObjectNode();
                schema.path("properties").fields().forEachRemaining(field -> object.set(field.getKey(), value(field.getKey(), field.getValue())));
                return object;
            case "array":
                return array(name, schema.path("items"));
            case "integer":
                return json.getNodeFactory().numberNode(number(SECONDS, 30));
            case "number":
                return json.getNodeFactory().numberNode(30.0);
            case "boolean":
                return json.getNodeFactory().booleanNode(true);
            default:
                if (schema.has("enum")) {
                    return schema.path("enum").path(0);
                }
                return json.getNodeFactory().textNode(text(name));
        }
    }

    private ArrayNode array(String name, JsonNode items) {
        ArrayNode array = json.createArrayNode();
        if (name.equals("scenes") || items.path("properties").has("narration")) {
            List<String> lines = new ArrayList<>();
            if (translation == null) {
                lines.add(hook());
            }
            lines.addAll(this.items);
            line("Call to action").filter(line -> !line.isBlank()).ifPresent(lines::add);
            double wordsPerSecond = number(RATE, 160) / 60.0;
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode scene = array.addObject();
                for (java.util.Iterator<String> it = items.path("properties").fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    JsonNode property = items.path("properties").path(field);
                    switch (field) {
                        case "narration" -> scene.put(field, lines.get(i));
                        case "visualPrompt" -> scene.put(field, look() + "; " + subject(lines.get(i)));
                        case "style" -> scene.put(field, i == 0 ? "hero" : "broll");
                        case "seconds" -> scene.put(field, Math.round(words(lines.get(i)) / wordsPerSecond * 100) / 100.0);
                        // after the hook, one scene per beat: scene i speaks beat i
                        case "facts" -> {
                            ArrayNode facts = scene.putArray(field);
                            if (translation == null && i >= 1 && i <= this.items.size()) {
                                facts.add(i);
                            }
                        }
                        default -> scene.set(field, value(field, property));
                    }
                }
            }
            return array;
        }
        switch (name) {
            case "beats" -> this.items.forEach(array::add);
            case "keywords" -> keywords().forEach(array::add);
            case "hashtags" -> keywords().forEach(word -> array.add("#" + word));
            case "sources" -> list(prompt, "Sources").forEach(array::add);
            default -> array.add(value(name, items));
        }
        return array;
    }

    private String text(String name) {
        return switch (name) {
            case "topic", "title" -> topic;
            case "angle" -> "Why " + lowerFirst(topic) + " matters more than it seems.";
            case "hook" -> hook();
            case "callToAction" -> line("Call to action").orElse("Follow for one more surprising fact tomorrow.");
            case "description" -> translation != null ? PseudoTranslation.into(translation, line("Description").orElse(topic))
                    : line("Angle").orElse(topic) + " " + String.join(" ", keywords().stream().map(word -> "#" + word).toList());
            default -> items.isEmpty() ? topic : items.get(0);
        };
    }

    /** The storyboard prompt's hook; else one in the style the brief prompt asks for ({@code Make it ...}), as a model would write it. */
    private String hook() {
        return line("Hook").orElseGet(() -> {
            Matcher style = HOOK_STYLE.matcher(prompt);
            String asked = style.find() ? style.group(1) : "";
            if (asked.startsWith("a question")) {
                return "Have you ever wondered about this? " + topic + ".";
            }
            if (asked.startsWith("a bold")) {
                return topic + ", and that is no exaggeration.";
            }
            if (asked.startsWith("a striking number")) {
                return "One number says it all: " + topic + ".";
            }
            if (asked.startsWith("the opening of a short scene")) {
                return "It began on an ordinary morning: " + topic + ".";
            }
            return "Did you know? " + topic + ".";
        });
    }

    private String look() {
        Matcher matcher = LOOK.matcher(prompt);
        return matcher.find() ? matcher.group(1).strip() : "one calm cinematic shot";
    }

    private List<String> keywords() {
        Set<String> words = new LinkedHashSet<>();
        line("Keywords").ifPresent(keywords -> {
            for (String word : keywords.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
                }
            }
        });
        if (words.isEmpty()) {
            words.addAll(subjectWords(topic));
        }
        words.remove("");
        return words.stream().limit(5).toList();
    }

    /** A visual subject for a line: its longer words, without any that would order events. */
    private static String subject(String line) {
        List<String> words = subjectWords(line);
        return words.isEmpty() ? "a quiet landscape" : String.join(", ", words);
    }

    private static List<String> subjectWords(String line) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 5 && !Set.of("then", "later", "finally", "afterwards", "meanwhile", "eventually", "montage",
                    "transition", "there", "their", "which", "about").contains(word)) {
                words.add(word);
            }
        }
        return words.stream().limit(4).toList();
    }

    /** The first line {@code label: value} of the prompt. */
    private java.util.Optional<String> line(String label) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(label) + ": *(.*)$").matcher(prompt);
        return matcher.find() ? java.util.Optional.of(matcher.group(1).strip()) : java.util.Optional.empty();
    }

    /** The {@code - } items right after the first line of {@code source} that starts with {@code label}. */
    private static List<String> list(String source, String label) {
        List<String> found = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (!inside && line.startsWith(label)) {
                inside = true;
            } else if (inside && line.startsWith("- ")) {
                found.add(line.substring(2).strip());
            } else if (inside) {
                break;
            }
        }
        return found;
    }

    private int number(Pattern pattern, int otherwise) {
        Matcher matcher = pattern.matcher(prompt);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : otherwise;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
