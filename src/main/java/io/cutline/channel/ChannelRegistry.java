package io.cutline.channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.document.UnparsableDocumentException;
import io.cutline.document.YamlDocument;
import io.cutline.document.YamlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels in {@code config/channels}: each file validated against the channel schema and the
 * rules a schema cannot express ({@link ChannelRules}), all problems of a file found in one pass.
 * An invalid file is reported and left out; the valid channels keep working. A file that is empty
 * or not valid YAML, as a file an editor is still writing is, keeps the channel it defined until it
 * reads again (with a warning).
 */
public class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Path directory;
    private final ObjectMapper json;
    private final SchemaCheck schema;
    private final ChannelRules rules;
    private final PathConfinement ownDirectory;

    private volatile Map<Path, Channel> byFile = Map.of();
    private volatile Map<String, Channel> channels = Map.of();
    private volatile List<DocumentProblem> problems = List.of();

    /** {@code configDirectory}: where the music folders and images a channel names must be. */
    public ChannelRegistry(Path directory, Path signalsDirectory, Path configDirectory, ObjectMapper json, ChannelVocabulary vocabulary) {
        this.directory = directory;
        this.json = json;
        this.schema = SchemaCheck.load("channel.schema.json", vocabulary::complete);
        this.rules = new ChannelRules(signalsDirectory, configDirectory);
        this.ownDirectory = new PathConfinement(directory);
    }

    /** Reads every channel file again and serves the valid channels; logs and returns the problems (empty when all are valid). */
    public synchronized List<DocumentProblem> reload() {
        ChannelScan scan = scan(byFile);
        scan.problems().forEach(problem -> {
            Channel kept = scan.kept().get(problem.source());
            if (kept != null) {
                LOG.warn("channel file {} (still being written?): channel '{}' keeps its previous version until the file reads again",
                        problem, kept.id());
            } else {
                LOG.error("invalid channel file {}", problem);
            }
        });
        Map<String, Channel> loaded = new TreeMap<>();
        scan.channels().forEach(channel -> loaded.put(channel.id(), channel));
        byFile = Map.copyOf(scan.byFile());
        channels = Map.copyOf(loaded);
        problems = List.copyOf(scan.problems());
        LOG.info("channels loaded from {}: {} valid, {} problems", directory, loaded.size(), problems.size());
        return problems;
    }

    /** Reads every channel file without serving or logging anything: {@code cutline validate} prints the problems itself. */
    public ChannelScan scan() {
        return scan(Map.of());
    }

    private ChannelScan scan(Map<Path, Channel> previous) {
        Map<Path, Channel> valid = new TreeMap<>();
        Map<String, Channel> kept = new TreeMap<>();
        List<DocumentProblem> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            found.add(new DocumentProblem(directory.toString(), 0, "", "the channel directory does not exist"));
        }
        Map<String, Path> owners = new TreeMap<>();
        for (Path file : YamlFiles.in(directory)) {
            try {
                Channel channel = read(file);
                Path owner = owners.putIfAbsent(channel.id(), file);
                if (owner != null) {
                    found.add(new DocumentProblem(source(file), 0, "id", "channel '" + channel.id() + "' is already defined in "
                            + source(owner) + "; one file per channel"));
                    continue;
                }
                valid.put(file, channel);
            } catch (UnparsableDocumentException e) {
                found.addAll(e.problems());
                if (previous.containsKey(file)) {
                    valid.put(file, previous.get(file));
                    kept.put(source(file), previous.get(file));
                }
            } catch (InvalidDocumentException e) {
                found.addAll(e.problems());
            } catch (RuntimeException e) {
                // whatever goes wrong with one file, the other channels load
                found.add(new DocumentProblem(source(file), 0, "", "cannot be read: " + e));
            }
        }
        return new ChannelScan(valid, kept, found);
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

    /** Channel {@code id} as the files read now, without serving or logging anything: what a command checks before it starts. */
    public Channel readNow(String id) {
        ChannelScan scan = scan();
        return scan.channels().stream().filter(channel -> channel.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownChannelException(id, scan.channels().stream().map(Channel::id).sorted().toList(),
                        problemsOf(id, scan.problems())));
    }

    public List<DocumentProblem> problems() {
        return problems;
    }

    /** Problems of the file that would define channel {@code id}, if it is invalid. */
    public List<DocumentProblem> problemsOf(String id) {
        return problemsOf(id, problems);
    }

    private List<DocumentProblem> problemsOf(String id, List<DocumentProblem> found) {
        String source = source(directory.resolve(id + ".yaml"));
        return found.stream().filter(problem -> problem.source().equals(source)).toList();
    }

    /** One channel file, with every problem it has (schema and rules) at once. */
    public Channel read(Path file) {
        String source = source(file);
        ownDirectory.escape(file).ifPresent(why -> {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 0, "", "the channel file " + why)));
        });
        YamlDocument document = YamlDocument.read(file, source);
        List<DocumentProblem> found = problems(document, file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        if (!found.isEmpty()) {
            throw new InvalidDocumentException(found);
        }
        try {
            return json.treeToValue(document.root(), Channel.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(source, 0, "", e.getOriginalMessage())));
        }
    }

    /**
     * Every problem (schema and rules, by line) of a channel file's text that is not saved yet, as
     * {@link #read} would report it for {@code <id>.yaml}; none when the text is a valid channel.
     */
    public List<DocumentProblem> problemsOfText(String text, String id) {
        try {
            return problems(YamlDocument.parse(text, id + ".yaml"), id);
        } catch (InvalidDocumentException unparsable) {
            return unparsable.problems();
        }
    }

    private List<DocumentProblem> problems(YamlDocument document, String id) {
        List<DocumentProblem> found = new ArrayList<>(schema.problems(document));
        found.addAll(rules.problems(document, id));
        found.sort(Comparator.comparingInt(DocumentProblem::line).thenComparingInt(DocumentProblem::column));
        return found;
    }

    public Path directory() {
        return directory;
    }

    private static String source(Path file) {
        Path relative = file.isAbsolute() ? Path.of("").toAbsolutePath().relativize(file) : file;
        return relative.toString();
    }
}
