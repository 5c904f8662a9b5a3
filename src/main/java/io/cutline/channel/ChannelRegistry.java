package io.cutline.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.document.YamlDocument;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels in {@code config/channels}: each file validated against the channel schema and a
 * few rules a schema cannot express (id matches the file name, cron and time zone parse, the
 * signals file exists). An invalid file is reported and left out; the valid channels keep working.
 */
public class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Path directory;
    private final Path signalsDirectory;
    private final ObjectMapper json;
    private final SchemaCheck schema;

    private volatile Map<String, Channel> channels = Map.of();
    private volatile List<DocumentProblem> problems = List.of();

    public ChannelRegistry(Path directory, Path signalsDirectory, ObjectMapper json, ChannelVocabulary vocabulary) {
        this.directory = directory;
        this.signalsDirectory = signalsDirectory;
        this.json = json;
        this.schema = SchemaCheck.load("channel.schema.json", vocabulary::complete);
    }

    /** Reads every channel file again; returns the problems found (empty when all are valid). */
    public synchronized List<DocumentProblem> reload() {
        Map<String, Channel> loaded = new TreeMap<>();
        List<DocumentProblem> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            found.add(new DocumentProblem(directory.toString(), 0, "", "the channel directory does not exist"));
        }
        for (Path file : channelFiles()) {
            try {
                Channel channel = read(file);
                loaded.put(channel.id(), channel);
            } catch (InvalidDocumentException e) {
                found.addAll(e.problems());
            }
        }
        found.forEach(problem -> LOG.error("invalid channel file {}", problem));
        channels = Map.copyOf(loaded);
        problems = List.copyOf(found);
        LOG.info("channels loaded from {}: {} valid, {} problems", directory, loaded.size(), found.size());
        return problems;
    }

    public Collection<Channel> all() {
        return new TreeMap<>(channels).values();
    }

    public Optional<Channel> find(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    public Channel require(String id) {
        return find(id).orElseThrow(() -> new UnknownChannelException(id, channels.keySet(), problemsOf(id)));
    }

    public List<DocumentProblem> problems() {
        return problems;
    }

    /** Problems of the file that would define channel {@code id}, if it is invalid. */
    public List<DocumentProblem> problemsOf(String id) {
        String source = source(directory.resolve(id + ".yaml"));
        return problems.stream().filter(problem -> problem.source().equals(source)).toList();
    }

    public Channel read(Path file) {
        String source = source(file);
        YamlDocument document = YamlDocument.read(file, source);
        List<DocumentProblem> found = new ArrayList<>(schema.problems(document));
        if (!found.isEmpty()) {
            throw new InvalidDocumentException(found);
        }
        Channel channel;
        try {
            channel = json.treeToValue(document.root(), Channel.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 0, "", e.getOriginalMessage())));
        }
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!channel.id().equals(expectedId)) {
            found.add(new DocumentProblem(source, document.lineOf("/id"), "id",
                    "'" + channel.id() + "' must match the file name '" + expectedId + "'"));
        }
        try {
            new CronExpression(channel.schedule().cron());
        } catch (ParseException e) {
            found.add(new DocumentProblem(source, document.lineOf("/schedule/cron"), "schedule.cron",
                    "not a Quartz cron expression (" + e.getMessage() + "); example: '0 0 9,17 * * ?'"));
        }
        try {
            ZoneId.of(channel.schedule().timeZone());
        } catch (DateTimeException e) {
            found.add(new DocumentProblem(source, document.lineOf("/schedule/timeZone"), "schedule.timeZone",
                    "unknown time zone '" + channel.schedule().timeZone() + "'"));
        }
        if (channel.music() != null && MusicLibrary.tracks(Path.of(channel.music().folder())).isEmpty()) {
            found.add(new DocumentProblem(source, document.lineOf("/music/folder"), "music.folder",
                    "no audio files in " + channel.music().folder()));
        }
        if (channel.style().openingImage() != null && !Files.isRegularFile(Path.of(channel.style().openingImage()))) {
            found.add(new DocumentProblem(source, document.lineOf("/style/openingImage"), "style.openingImage",
                    "no image file " + channel.style().openingImage()));
        }
        if (!Files.isRegularFile(signalsDirectory.resolve(channel.signalsFile()))) {
            found.add(new DocumentProblem(source, document.lineOf("/signals"), "signals",
                    "no signals file " + signalsDirectory.resolve(channel.signalsFile())));
        }
        if (!found.isEmpty()) {
            throw new InvalidDocumentException(found);
        }
        return channel;
    }

    public Path directory() {
        return directory;
    }

    private List<Path> channelFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("[^.].*\\.ya?ml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String source(Path file) {
        Path relative = file.isAbsolute() ? Path.of("").toAbsolutePath().relativize(file) : file;
        return relative.toString();
    }
}
