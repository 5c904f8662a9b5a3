package io.cutline.research;

import io.cutline.model.Topic;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.document.YamlDocument;

/**
 * Reads a channel's signals from {@code config/signals} (offline samples of what feeds and past
 * metrics would say): ranked topic candidates with facts. Read on each use, so edits apply at once.
 */
public class SignalLibrary {

    private final Path directory;
    private final ObjectMapper json;
    private final SchemaCheck schema = SchemaCheck.load("signals.schema.json");

    public SignalLibrary(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public List<Topic> topics(Channel channel) {
        return topics(directory.resolve(channel.signalsFile()));
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
}
