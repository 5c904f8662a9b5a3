package io.cutline.generation.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.YamlDocument;
import io.cutline.model.PermanentFailure;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;
import io.cutline.timing.DurationRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The footage provider: clips cut from the operator's own B-roll in one folder. Each source carries
 * tags (from the folder's {@code tags.yaml}, else the words of its file name); the source whose tags
 * match the most words of the prompt wins, the request's seed choosing among equally good ones (and
 * among all of them when nothing matches) and where in a longer source the clip starts. The chosen
 * source is looped if it is too short, cover-fitted (scaled, then cropped) to exactly width x height
 * at the request's frame rate, and cut to exactly {@code ceil(seconds × fps)} frames, no audio, like
 * {@link LocalClipRenderer}. The folder is read on every request, so added clips count at once.
 */
public class FootageLibrary implements ClipGenerator {

    /** The sidecar file mapping a source's file name to its tags. */
    public static final String TAGS_FILE = "tags.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(FootageLibrary.class);
    private static final Set<String> EXTENSIONS = Set.of("mp4", "mov", "webm", "mkv");
    /** Words that say nothing about what is in the picture: function words and the prompts' boilerplate. */
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "but", "for", "nor", "not", "yet", "with", "without", "from", "into", "onto", "over", "under",
            "that", "this", "these", "those", "then", "than", "there", "their", "they", "them", "its", "his", "her",
            "our", "your", "you", "are", "was", "were", "been", "being", "has", "have", "had", "can", "will", "just",
            "very", "more", "most", "some", "any", "all", "each", "every", "other", "about", "after", "before",
            "while", "when", "where", "what", "which", "who", "how", "why", "out", "off", "one", "two", "three",
            "scene", "shot", "part", "continuing", "same", "style", "cinematic", "vertical", "horizontal",
            "bold", "colorful", "clean", "close", "wide", "slow");

    private final String provider;
    private final ToolRunner tools;
    private final MediaProbe probe;
    private final Path folder;
    private final String model;
    private final DurationRule durations;
    /** Names in tags.yaml without a clip, warned about once each. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * {@code folder}: the B-roll (relative to the working directory); {@code model}: part of each clip's
     * content key (change it after changing the library to re-cut clips already made).
     */
    public FootageLibrary(ProviderSettings settings, AdapterKit kit) {
        this.provider = settings.name();
        this.tools = kit.tools();
        this.probe = kit.probe();
        this.folder = Path.of(settings.text("folder")).toAbsolutePath().normalize();
        this.model = settings.model();
        this.durations = settings.durations();
    }

    /** One source clip of the library and its tags. */
    public record Source(Path file, Set<String> tags) {

        public String name() {
            return file.getFileName().toString();
        }
    }

    /** The source chosen for a request, the prompt words its tags matched, and how many sources scored as well. */
    public record Choice(Source source, List<String> matched, int equallyGood) {
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public DurationRule durations() {
        return durations;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void generate(ClipRequest request, Path target) {
        SplittableRandom random = new SplittableRandom(request.seed());
        Choice choice = choose(request, random);
        Path file = choice.source().file();
        double sourceSeconds = sourceSeconds(file);
        double start = start(request, sourceSeconds, random);
        LOG.info("footage: {} s of {} from {} s (tags matched {}, {} source(s) as good) for '{}'", request.seconds(),
                choice.source().name(), String.format(Locale.ROOT, "%.3f", start), choice.matched(), choice.equallyGood(),
                request.prompt());
        Path video = MediaStore.temporaryFor(target);
        try {
            tools.run(Tool.FFMPEG, arguments(request, file, start, video.getFileName().toString()), target.getParent());
            MediaStore.moveIntoPlace(video, target);
        } finally {
            MediaStore.deleteQuietly(video);
        }
    }

    /** The source for {@code request}: deterministic for a given request and library. */
    public Choice choose(ClipRequest request) {
        return choose(request, new SplittableRandom(request.seed()));
    }

    private Choice choose(ClipRequest request, SplittableRandom random) {
        List<Source> sources = sources();
        Set<String> words = words(request.prompt());
        int best = -1;
        List<Source> candidates = new ArrayList<>();
        Map<Source, List<String>> matches = new HashMap<>();
        for (Source source : sources) {
            List<String> matched = words.stream().filter(word -> source.tags().stream().anyMatch(tag -> same(word, tag))).toList();
            matches.put(source, matched);
            if (matched.size() > best) {
                best = matched.size();
                candidates.clear();
            }
            if (matched.size() == best) {
                candidates.add(source);
            }
        }
        Source chosen = candidates.get(random.nextInt(candidates.size()));
        return new Choice(chosen, matches.get(chosen), candidates.size());
    }

    /**
     * The library's sources (.mp4, .mov, .webm, .mkv directly in the folder, hidden files left out)
     * by file name, each with its tags: those {@code tags.yaml} lists for it, else its file name's words.
     */
    public List<Source> sources() {
        if (!Files.isDirectory(folder)) {
            throw new PermanentFailure("footage folder " + folder + " does not exist (cutline.generation.footage.folder)");
        }
        Map<String, Set<String>> listed = tagsFile();
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && EXTENSIONS.contains(extension(name)) && Files.isRegularFile(file)) {
                    Set<String> tags = listed.get(name);
                    sources.add(new Source(file, tags != null ? tags : words(stem(name))));
                }
            }
        } catch (IOException e) {
            throw new PermanentFailure("footage folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            throw new PermanentFailure("footage folder " + folder + " has no clips (.mp4, .mov, .webm or .mkv files)");
        }
        listed.keySet().stream().filter(name -> sources.stream().noneMatch(source -> source.name().equals(name)))
                .filter(warned::add).forEach(name -> LOG.warn("footage: {} lists {}, which is not a clip in the folder", TAGS_FILE, name));
        return List.copyOf(sources);
    }

    /** {@code tags.yaml}: file name → a list of tags, or one string of them separated by commas or spaces. */
    private Map<String, Set<String>> tagsFile() {
        Path file = folder.resolve(TAGS_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = YamlDocument.read(file, file.toString()).root();
        } catch (InvalidDocumentException e) {
            throw new PermanentFailure("footage tags: " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw new PermanentFailure("footage tags: " + file + " must map file names to lists of tags");
        }
        Map<String, Set<String>> tags = new HashMap<>();
        root.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            StringBuilder text = new StringBuilder();
            if (value.isArray()) {
                value.forEach(tag -> text.append(tag.asText()).append(' '));
            } else if (value.isValueNode() && !value.isNull()) {
                text.append(value.asText());
            } else if (!value.isNull()) {
                throw new PermanentFailure("footage tags: " + file + ": " + entry.getKey() + " must be a list of tags");
            }
            tags.put(entry.getKey(), words(text.toString()));
        });
        return tags;
    }

    private double sourceSeconds(Path file) {
        try {
            MediaInfo info = probe.probe(file);
            if (info.video().isEmpty()) {
                throw new CorruptMediaException(file, "no video stream");
            }
            return info.durationSeconds();
        } catch (CorruptMediaException e) {
            throw new PermanentFailure("footage clip " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Where in the source the clip starts: 0 when it must loop, else a seeded point leaving room for the whole clip. */
    static double start(ClipRequest request, double sourceSeconds, SplittableRandom random) {
        double room = sourceSeconds - request.seconds() - 2.0 / request.fps();
        return room <= 0 ? 0 : Math.floor(random.nextDouble() * room * 1000) / 1000;
    }

    /**
     * The ffmpeg arguments: the source looped endlessly (a longer one simply is not looped into),
     * from {@code start}, to the frame rate, scaled to cover the frame and cropped to its centre, for
     * exactly {@code ceil(seconds × fps)} frames, H.264 yuv420p, no audio, subtitle or data streams.
     */
    static List<String> arguments(ClipRequest request, Path source, double start, String output) {
        int width = request.width();
        int height = request.height();
        String filters = String.format(Locale.ROOT,
                "fps=%d,scale=%d:%d:force_original_aspect_ratio=increase:flags=bicubic,crop=%d:%d,setsar=1,format=yuv420p",
                request.fps(), width, height, width, height);
        return List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-stream_loop", "-1", "-ss", String.format(Locale.ROOT, "%.3f", start), "-i", "file:" + source.toAbsolutePath(),
                "-vf", filters, "-frames:v", String.valueOf(LocalClipRenderer.frames(request)),
                "-an", "-sn", "-dn", "-map_metadata", "-1",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", output);
    }

    /** The words that can match: lower case, letters only, at least 3 of them, no stop words. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return Collections.unmodifiableSet(words);
    }

    /** A prompt word matches a tag when they are the same word, or one is the other's plural in -s or -es. */
    static boolean same(String word, String tag) {
        return word.equals(tag) || plural(word, tag) || plural(tag, word);
    }

    private static boolean plural(String plural, String singular) {
        return plural.length() == singular.length() + 1 && plural.endsWith("s") && plural.startsWith(singular)
                || plural.length() == singular.length() + 2 && plural.endsWith("es") && plural.startsWith(singular);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
