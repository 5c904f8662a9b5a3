package io.cutline.research;

import io.cutline.model.Signal;
import io.cutline.model.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.document.YamlDocument;

/**
 * Reads signals files in {@code config/signals}: the offline signals YAML (ranked topics with
 * facts, schema {@code signals.schema.json}), JSON (an array of records, or {@code {signals: [...]}})
 * and CSV (a header row; {@code title} required, {@code summary}, {@code link}, {@code published},
 * {@code tags} separated by {@code ;}, every other column a number taken as a metric). Read on each
 * use, so edits apply at once.
 */
public class SignalLibrary {

    private static final Set<String> TEXT_COLUMNS = Set.of("title", "summary", "link", "published", "tags");

    private final Path directory;
    private final ObjectMapper json;
    private final SchemaCheck schema = SchemaCheck.load("signals.schema.json");

    public SignalLibrary(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** The signals in one file under the signals directory, each naming the file as its source. */
    public List<Signal> signals(String fileName) {
        Path file = directory.resolve(fileName);
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return fromJson(file, fileName);
        }
        if (lower.endsWith(".csv")) {
            return fromCsv(file, fileName);
        }
        Set<String> links = new HashSet<>();
        return topics(file).stream().map(topic -> new Signal(topic.title(), String.join(" ", topic.facts()),
                topic.sources().stream().filter(links::add).findFirst().orElse(titleLink(fileName, topic.title())),
                fileName, null, Map.of("score", topic.score()), topic.keywords())).toList();
    }

    /** A record's link when it has none of its own: its title within its file (two topics citing one page are two signals). */
    private static String titleLink(String fileName, String title) {
        return fileName + "#" + Words.normalize(title).replace(' ', '-');
    }

    public List<Topic> topics(Path file) {
        YamlDocument document = YamlDocument.read(file, file.toString());
        List<DocumentProblem> problems = schema.problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        try {
            return List.of(json.treeToValue(document.root().path("topics"), Topic[].class));
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(file.toString(), 0, "topics", e.getOriginalMessage())));
        }
    }

    /** Validates a signals file without using it (for {@code cutline validate}). */
    public List<DocumentProblem> problems(Path file) {
        try {
            topics(file);
            return List.of();
        } catch (InvalidDocumentException e) {
            return e.problems();
        }
    }

    private List<Signal> fromJson(Path file, String name) {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(file.toString(), 0, "", "unreadable JSON: " + e.getMessage())));
        }
        JsonNode records = root.isArray() ? root : root.path("signals");
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            Map<String, Double> metrics = new HashMap<>();
            record.path("metrics").fields().forEachRemaining(metric -> {
                if (metric.getValue().isNumber()) {
                    metrics.put(metric.getKey(), metric.getValue().asDouble());
                }
            });
            List<String> tags = new ArrayList<>();
            record.path("tags").forEach(tag -> tags.add(tag.asText()));
            signals.add(signal(file, "signals[" + i + "]", name, record.path("title").asText(""), record.path("summary").asText(""),
                    record.path("link").asText(""), record.path("published").asText(""), metrics, tags));
        }
        return signals;
    }

    private List<Signal> fromCsv(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Csv.fields(lines.get(0)).stream().map(column -> column.strip().toLowerCase(Locale.ROOT)).toList();
        List<Signal> signals = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            List<String> fields = Csv.fields(lines.get(row));
            Map<String, String> values = new HashMap<>();
            for (int column = 0; column < header.size() && column < fields.size(); column++) {
                values.put(header.get(column), fields.get(column).strip());
            }
            Map<String, Double> metrics = new HashMap<>();
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (!TEXT_COLUMNS.contains(value.getKey()) && !value.getValue().isEmpty()) {
                    try {
                        metrics.put(value.getKey(), Double.parseDouble(value.getValue()));
                    } catch (NumberFormatException e) {
                        throw problem(file, "row " + (row + 1) + "." + value.getKey(), "not a number: '" + value.getValue() + "'");
                    }
                }
            }
            List<String> tags = values.getOrDefault("tags", "").isBlank() ? List.of()
                    : List.of(values.get("tags").split("\\s*;\\s*"));
            signals.add(signal(file, "row " + (row + 1), name, values.getOrDefault("title", ""), values.getOrDefault("summary", ""),
                    values.getOrDefault("link", ""), values.getOrDefault("published", ""), metrics, tags));
        }
        return signals;
    }

    /** One record checked: a title, and a link (the title within the file when it has none). */
    private static Signal signal(Path file, String where, String name, String title, String summary, String link, String published,
                                 Map<String, Double> metrics, List<String> tags) {
        if (title.isBlank()) {
            throw problem(file, where + ".title", "a signal needs a title");
        }
        Instant when = null;
        if (!published.isBlank()) {
            try {
                when = OffsetDateTime.parse(published).toInstant();
            } catch (DateTimeParseException e) {
                throw problem(file, where + ".published", "not an ISO-8601 time with offset: '" + published + "'");
            }
        }
        return new Signal(title.strip(), summary.strip(), link.isBlank() ? titleLink(name, title) : link,
                name, when, metrics, tags);
    }

    private static InvalidDocumentException problem(Path file, String field, String message) {
        return new InvalidDocumentException(List.of(new DocumentProblem(file.toString(), 0, field, message)));
    }

    /** Fields of one CSV line (RFC 4180 quoting: {@code "a, b"}, {@code ""} for a quote). */
    static final class Csv {
        private Csv() {
        }

        static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
