package io.cutline.writer.template;

import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;
import io.cutline.writer.Draft;
import io.cutline.writer.Repair;
import io.cutline.writer.StoryWriter;

import io.cutline.model.Scene;

import io.cutline.model.Brief;
import io.cutline.model.Storyboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.Format;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.document.YamlDocument;
import io.cutline.model.Topic;

/**
 * The offline writer: turns a topic's facts into a brief (hook, beats that fit the target length,
 * call to action) and the brief into one scene per line, each with a visual prompt built from the
 * channel's style and the line's own subject words, and as long as its line takes to speak at the
 * channel's rate. Its phrasing lives in {@code config/prompts/template-writer.yaml}
 * ({@code cutline.writer.template.phrases}). It writes the same document every time, so one attempt.
 */
public class TemplateWriter implements StoryWriter {

    private static final Set<String> STOP_WORDS = Set.of("about", "after", "again", "also", "because", "been", "before",
            "being", "every", "from", "have", "into", "just", "more", "most", "much", "never", "only", "other", "over",
            "same", "some", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "through",
            "under", "until", "very", "what", "when", "where", "which", "while", "with", "would", "your", "year", "years",
            "something", "people", "notice", "thing", "things", "really", "later", "finally", "afterwards", "meanwhile", "eventually",
            "subsequently", "montage", "transition");

    /**
     * Phrases the writer fills in; {topic} is replaced by the topic's title. {@code language}: theirs
     * (default en). {@code hookStyles}: the hooks of each style, for a channel or job that asks for one
     * (the feedback loop's hook arm); {@code hooks} serve a brief that asks for none. {@code hookTitles}:
     * the title of a storyboard whose hook has a style, by style (none: the topic's title), so that hook
     * variants of one brief are titled apart.
     */
    public record Phrases(List<String> hooks, List<String> callsToAction, String language, Map<String, List<String>> hookStyles,
                          Map<String, String> hookTitles) {
        public Phrases {
            language = language == null ? "en" : language;
            hookStyles = hookStyles == null ? Map.of() : Map.copyOf(hookStyles);
            hookTitles = hookTitles == null ? Map.of() : Map.copyOf(hookTitles);
        }

        public Phrases(List<String> hooks, List<String> callsToAction, String language, Map<String, List<String>> hookStyles) {
            this(hooks, callsToAction, language, hookStyles, null);
        }
    }

    private final Phrases phrases;
    private final ObjectMapper json;

    public TemplateWriter(Phrases phrases, ObjectMapper json) {
        this.phrases = phrases;
        // a scene without seconds has no seconds key in the document: the schema types it as a number
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public TemplateWriter(ProviderSettings settings, AdapterKit kit) {
        this(readPhrases(Path.of(settings.text("phrases")), kit.json()), kit.json());
    }

    /** Reads and checks the phrases file (schema {@code template-phrases.schema.json}). */
    public static Phrases readPhrases(Path file, ObjectMapper json) {
        YamlDocument document = YamlDocument.read(file, file.toString());
        List<DocumentProblem> problems = SchemaCheck.load("template-phrases.schema.json").problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        try {
            return json.treeToValue(document.root(), Phrases.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new DocumentProblem(file.toString(), 0, "", e.getOriginalMessage())));
        }
    }

    @Override
    public String name() {
        return "template";
    }

    @Override
    public int attempts() {
        return 1;
    }

    @Override
    public Draft brief(Channel channel, Topic topic, Repair repair) {
        if (!speaks(channel.language())) {
            return refusal(channel.language() + "' (the channel's language)");
        }
        Optional<String> unphrased = channel.hookStyle().filter(style -> !phrases.hookStyles().containsKey(style));
        return unphrased.map(style -> new Draft(null, "", List.of("(document): the template writer's phrases have no hooks of style '" + style
                + "': add them under hookStyles (cutline.writer.template.phrases)"), Draft.Usage.NONE))
                .orElseGet(() -> draft(brief(channel, topic)));
    }

    @Override
    public Draft storyboard(Channel channel, Brief brief, Repair repair) {
        return speaks(channel.language()) ? draft(storyboard(channel, brief)) : refusal(channel.language() + "' (the channel's language)");
    }

    /** The template writer writes only from its phrases and the signals' facts: it translates nothing. */
    @Override
    public Draft translation(Channel channel, Storyboard storyboard, String language, Repair repair) {
        return refusal(language + "' (a translation)");
    }

    /** Whether its phrases are in {@code language} (same primary tag: phrases in en serve en-US). */
    private boolean speaks(String language) {
        return primary(language).equals(primary(phrases.language()));
    }

    private Draft refusal(String what) {
        return new Draft(null, "", List.of("(document): the template writer has phrases in '" + phrases.language() + "' only and cannot write in '"
                + what + ": give the channel an LLM writer (writer.provider) for other languages, or phrases in that language "
                + "(cutline.writer.template.phrases)"), Draft.Usage.NONE);
    }

    private static String primary(String language) {
        return language.split("-")[0].toLowerCase(Locale.ROOT);
    }

    private Draft draft(Object document) {
        JsonNode tree = json.valueToTree(document);
        return Draft.of(tree, tree.toString(), Draft.Usage.NONE);
    }

    public Brief brief(Channel channel, Topic topic) {
        List<String> hooks = channel.hookStyle().map(phrases.hookStyles()::get).orElse(phrases.hooks());
        String hook = choose(hooks, topic.title()).replace("{topic}", topic.title());
        String callToAction = choose(phrases.callsToAction(), topic.title() + "cta").replace("{topic}", topic.title());
        double wordsPerSecond = channel.voice().wordsPerMinuteOrDefault() / 60.0;
        int budget = (int) Math.round(channel.targetSeconds() * wordsPerSecond) - words(hook) - words(callToAction);
        List<String> beats = new ArrayList<>();
        for (String fact : topic.facts()) {
            if (beats.size() >= 2 && words(fact) > budget) {
                break;
            }
            beats.add(fact);
            budget -= words(fact);
        }
        return new Brief(topic.title(), channel.niche(), hook, List.copyOf(beats), callToAction, topic.keywords(),
                topic.sources(), channel.targetSeconds());
    }

    public Storyboard storyboard(Channel channel, Brief brief) {
        List<String> lines = new ArrayList<>();
        lines.add(brief.hook());
        lines.addAll(brief.beats());
        if (!brief.callToAction().isBlank()) {
            lines.add(brief.callToAction());
        }
        List<Storyboard.SceneDraft> scenes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String subject = String.join(", ", subjectWords(lines.get(i), brief.keywords()));
            String prompt = channel.style().visual() + "; " + subject + "; scene " + (i + 1) + " of " + lines.size();
            // lines 1..beats are the brief's beats in order; the hook and the call to action draw on none
            List<Integer> facts = i >= 1 && i <= brief.beats().size() ? List.of(i) : List.of();
            // no seconds: each scene runs as long as its narration takes, which also holds a one-word hook
            // that would run under the schema's half-second minimum
            scenes.add(new Storyboard.SceneDraft(lines.get(i), prompt, i == 0 ? Scene.HERO : Scene.BROLL, null, facts));
        }
        List<String> hashtags = hashtags(channel, brief);
        String description = brief.beats().get(0) + " " + brief.callToAction() + "\n\n" + String.join(" ", hashtags);
        String title = channel.hookStyle().map(phrases.hookTitles()::get).map(format -> format.replace("{topic}", brief.topic()))
                .orElse(brief.topic());
        return new Storyboard(title, description.strip(), hashtags, scenes);
    }

    private static List<String> hashtags(Channel channel, Brief brief) {
        Set<String> tags = new LinkedHashSet<>();
        brief.keywords().forEach(keyword -> tags.add(tag(keyword)));
        tags.add(tag(channel.niche()));
        if (channel.format() == Format.VERTICAL_SHORT) {
            tags.add("#shorts");
        }
        tags.remove("#");
        return tags.stream().limit(10).toList();
    }

    private static String tag(String text) {
        return "#" + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Up to four words that carry the line's subject: the topic's keywords first, then long content words. */
    static List<String> subjectWords(String line, List<String> keywords) {
        String lower = line.toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        keywords.stream().filter(keyword -> lower.contains(keyword.toLowerCase(Locale.ROOT))).forEach(words::add);
        for (String word : lower.split("[^\\p{L}]+")) {
            if (word.length() >= 5 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            words.addAll(keywords);
        }
        return words.stream().limit(4).toList();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /** A stable choice: the same topic always gets the same phrase. */
    private static String choose(List<String> options, String seed) {
        return options.get(Math.floorMod(seed.hashCode(), options.size()));
    }
}
