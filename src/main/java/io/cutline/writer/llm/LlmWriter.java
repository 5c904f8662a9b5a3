package io.cutline.writer.llm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.channel.Channel;
import io.cutline.config.ProviderSettings;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.writer.Draft;
import io.cutline.writer.Repair;
import io.cutline.writer.StoryWriter;

/**
 * What the LLM writers share: the prompts (files in {@code prompts}, filled with the channel's
 * fields), the documents' schemas in their strict form, one call to the model, and the reading of its
 * answer into a draft. A refusal, an answer cut off at the token limit and text that is not JSON are
 * drafts with a problem (the desk asks for a repair); a 429, 5xx, or no answer are exceptions (the
 * route retries). Settings: {@code model}, {@code temperature}, {@code max-tokens}, {@code attempts},
 * {@code price-per-million-input} and {@code -output} (US dollars), {@code base-url}, {@code
 * api-key-env} (none: no key is sent, as for a local Ollama), {@code prompts}.
 */
public abstract class LlmWriter implements StoryWriter {

    /** What each hook style asks of the writer (the style names are the channel schema's hookStyle values). */
    private static final Map<String, String> HOOK_STYLES = Map.of(
            "question", "a question the viewer wants answered",
            "bold-claim", "a bold, surprising claim",
            "number", "a striking number or figure from the facts",
            "story", "the opening of a short scene or story");

    /** The hook asked for when neither the channel nor its job's arm names a style. */
    private static final String ANY_HOOK = "whatever suits the topic best";


    /** What the model answered: its text (the document), whether it was cut off or refused, and the tokens used. */
    protected record Answer(String text, boolean truncated, String refusal, int inputTokens, int outputTokens) {
    }

    protected final ProviderSettings settings;
    protected final ObjectMapper json;
    private final HttpGateway http;
    private final Prompts prompts;
    private final ObjectNode briefSchema;
    private final ObjectNode storyboardSchema;
    private final int attempts;
    private final double inputPrice;
    private final double outputPrice;
    private final double temperature;
    private final int maxTokens;

    protected LlmWriter(ProviderSettings settings, AdapterKit kit) {
        this.settings = settings;
        this.json = kit.json();
        this.http = kit.http();
        this.prompts = new Prompts(Path.of(settings.text("prompts")));
        this.briefSchema = WireSchema.of("brief", json);
        this.storyboardSchema = WireSchema.of("storyboard", json);
        this.attempts = settings.integer("attempts");
        this.inputPrice = settings.decimal("price-per-million-input");
        this.outputPrice = settings.decimal("price-per-million-output");
        this.temperature = settings.decimal("temperature");
        this.maxTokens = settings.integer("max-tokens");
        settings.model(); // required: a channel may name another model, never none
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public Draft brief(Channel channel, Topic topic, Repair repair) {
        Map<String, String> variables = channelVariables(channel);
        variables.put("topic", topic.title());
        variables.put("facts", list(topic.facts()));
        variables.put("keywords", String.join(", ", topic.keywords()));
        variables.put("sources", list(topic.sources()));
        return ask(channel, "brief", variables, repair, briefSchema);
    }

    @Override
    public Draft storyboard(Channel channel, Brief brief, Repair repair) {
        Map<String, String> variables = channelVariables(channel);
        variables.put("topic", brief.topic());
        variables.put("angle", brief.angle());
        variables.put("hook", brief.hook());
        variables.put("beats", list(brief.beats()));
        variables.put("callToAction", brief.callToAction());
        variables.put("keywords", String.join(", ", brief.keywords()));
        return ask(channel, "storyboard", variables, repair, storyboardSchema);
    }

    /** The translate prompt: the channel's variables with {@code language} the target, and the storyboard's words. */
    @Override
    public Draft translation(Channel channel, Storyboard storyboard, String language, Repair repair) {
        Map<String, String> variables = channelVariables(channel);
        variables.put("sourceLanguage", channel.language());
        variables.put("language", language);
        variables.put("title", storyboard.title());
        variables.put("description", storyboard.description());
        variables.put("hashtags", String.join(" ", storyboard.hashtags()));
        variables.put("scenes", list(storyboard.scenes().stream().map(Storyboard.SceneDraft::narration).toList()));
        return ask(channel, "translate", variables, repair, storyboardSchema);
    }

    /** Sends one prompt to the model, asking for a document of {@code schema}; the reply's HTTP errors are thrown. */
    protected abstract Answer complete(String model, String system, String prompt, String schemaName, ObjectNode schema);

    /** The model's answer as JSON, its errors thrown as {@link ProviderErrors} says. */
    protected JsonNode post(String url, Map<String, String> headers, ObjectNode body) {
        HttpGateway.Reply reply = http.send(name(), HttpGateway.Call.json("POST", url, headers, body.toString()));
        return ProviderErrors.check(name(), reply).object(name(), json);
    }

    /** The key from the variable {@code api-key-env} names, if the block names one. */
    protected Optional<String> apiKey() {
        return settings.optional("api-key-env").map(variable -> settings.apiKey());
    }

    protected int maxTokens() {
        return maxTokens;
    }

    protected double temperature() {
        return temperature;
    }

    /** The start of a reply, for an error message. */
    protected static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private Draft ask(Channel channel, String task, Map<String, String> variables, Repair repair, ObjectNode schema) {
        String prompt = prompts.fill(task, variables);
        if (repair != null) {
            prompt = prompts.fill("repair", Map.of("task", prompt, "answer", repair.answer(), "problems", list(repair.problems())));
        }
        String model = channel.writerModel().orElse(settings.model());
        Answer answer = complete(model, prompts.fill("system", channelVariables(channel)), prompt, task, schema);
        Draft.Usage usage = new Draft.Usage(model, answer.inputTokens(), answer.outputTokens(),
                (answer.inputTokens() * inputPrice + answer.outputTokens() * outputPrice) / 1_000_000);
        if (answer.refusal() != null) {
            return new Draft(null, answer.text(), List.of("(document): the model refused: " + answer.refusal()), usage);
        }
        if (answer.truncated()) {
            return new Draft(null, answer.text(), List.of("(document): the answer was cut off at the token limit (" + maxTokens()
                    + " tokens): write a shorter document"), usage);
        }
        try {
            JsonNode document = json.readTree(answer.text());
            if (document == null || !document.isObject()) {
                return new Draft(null, answer.text(), List.of("(document): the answer is not a JSON object"), usage);
            }
            return Draft.of(document, answer.text(), usage);
        } catch (Exception e) {
            return new Draft(null, answer.text(), List.of("(document): the answer is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse("")), usage);
        }
    }

    private static Map<String, String> channelVariables(Channel channel) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("channel", channel.name());
        variables.put("niche", channel.niche());
        variables.put("language", channel.language());
        variables.put("visualStyle", channel.style().visual());
        variables.put("targetSeconds", String.valueOf(channel.targetSeconds()));
        variables.put("wordsPerMinute", String.valueOf(channel.voice().wordsPerMinuteOrDefault()));
        variables.put("targetWords", String.valueOf(Math.round(channel.targetSeconds() * channel.voice().wordsPerMinuteOrDefault() / 60.0)));
        variables.put("platforms", String.join(", ", channel.platforms()));
        variables.put("hookStyle", channel.hookStyle().map(HOOK_STYLES::get).orElse(ANY_HOOK));
        return variables;
    }

    private static String list(List<String> items) {
        return items.stream().map(item -> "- " + item).collect(Collectors.joining("\n"));
    }
}
