package io.cutline.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.document.DocumentProblem;
import io.cutline.document.SchemaCheck;
import io.cutline.ledger.CostLedger;
import io.cutline.model.Brief;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;

/**
 * Has a channel's writer write a brief or a storyboard, and treats what comes back as untrusted: each
 * draft is checked against its JSON Schema and the {@link StoryRules}; a draft with problems goes back
 * to the writer with every problem (a repair), up to the writer's attempts; then the channel's
 * fallback writer is asked the same way; when none wrote a valid document, {@link WritingFailed}
 * (a permanent failure: the job parks) lists each writer's last problems. Every call, valid or not,
 * is entered in the cost ledger with its tokens and dollars, numbered on from the calls of earlier
 * runs of the step. A writer's failure to answer at all (rate limit, 5xx, no reply) is not a draft:
 * it propagates, and the route's error handler retries the step.
 */
public class WritingDesk {

    /** A valid document and the writer that wrote it. */
    public record Written<T>(T document, String writer) {
    }

    private final Map<String, StoryWriter> writers;
    private final StoryRules rules;
    private final CostLedger costs;
    private final ObjectMapper json;
    private final SchemaCheck briefSchema = SchemaCheck.load("brief.schema.json");
    private final SchemaCheck storyboardSchema = SchemaCheck.load("storyboard.schema.json");

    public WritingDesk(Map<String, StoryWriter> writers, StoryRules rules, CostLedger costs, ObjectMapper json) {
        this.writers = Map.copyOf(writers);
        this.rules = rules;
        this.costs = costs;
        this.json = json;
    }

    public Written<Brief> brief(String jobId, Channel channel, Topic topic) {
        return write(jobId, "brief", channel, Brief.class, briefSchema, (writer, repair) -> writer.brief(channel, topic, repair),
                brief -> rules.brief(channel, brief));
    }

    public Written<Storyboard> storyboard(String jobId, Channel channel, Brief brief) {
        return write(jobId, "storyboard", channel, Storyboard.class, storyboardSchema,
                (writer, repair) -> writer.storyboard(channel, brief, repair), storyboard -> rules.storyboard(channel, brief, storyboard));
    }

    /**
     * The storyboard in {@code language}: its title, description, hashtags and narration translated,
     * scene for scene; its visual prompts, styles and facts stay the original's (the clips carry no
     * text and are made once for every language; a translated line says what the original said).
     */
    public Written<Storyboard> translation(String jobId, Channel channel, Storyboard original, String language) {
        Written<Storyboard> written = write(jobId, "translation", channel, Storyboard.class, storyboardSchema,
                (writer, repair) -> writer.translation(channel, original, language, repair),
                translation -> rules.translation(channel, original, translation));
        List<Storyboard.SceneDraft> scenes = new ArrayList<>();
        for (int i = 0; i < original.scenes().size(); i++) {
            Storyboard.SceneDraft shot = original.scenes().get(i);
            Storyboard.SceneDraft spoken = written.document().scenes().get(i);
            scenes.add(new Storyboard.SceneDraft(spoken.narration(), shot.visualPrompt(), shot.style(), spoken.seconds(), shot.facts()));
        }
        Storyboard translated = written.document();
        return new Written<>(new Storyboard(translated.title(), translated.description(), translated.hashtags(), List.copyOf(scenes)),
                written.writer());
    }

    private <T> Written<T> write(String jobId, String document, Channel channel, Class<T> type, SchemaCheck schema,
                                 BiFunction<StoryWriter, Repair, Draft> ask, Function<T, List<String>> check) {
        List<String> chain = new ArrayList<>(List.of(channel.writerProvider()));
        channel.writerFallback().filter(fallback -> !chain.contains(fallback)).ifPresent(chain::add);
        List<String> failures = new ArrayList<>();
        int call = costs.writerCallCount(jobId, document);
        for (String name : chain) {
            StoryWriter writer = writers.get(name);
            if (writer == null) {
                throw new PermanentFailure("channel " + channel.id() + ": no writer '" + name + "' (configured: "
                        + String.join(", ", new java.util.TreeSet<>(writers.keySet())) + ")");
            }
            Repair repair = null;
            List<String> problems = List.of();
            for (int attempt = 1; attempt <= writer.attempts(); attempt++) {
                Draft draft = ask.apply(writer, repair);
                problems = new ArrayList<>(draft.problems());
                T value = problems.isEmpty() ? read(draft, type, schema, problems) : null;
                if (value != null) {
                    problems.addAll(check.apply(value));
                }
                costs.recordWriterCall(jobId, new CostLedger.WriterCall(document, ++call, writer.name(), draft.usage().model(),
                        draft.usage().inputTokens(), draft.usage().outputTokens(), draft.usage().usd(),
                        problems.isEmpty() ? "valid" : String.join("; ", problems)));
                if (problems.isEmpty()) {
                    return new Written<>(value, writer.name());
                }
                repair = new Repair(draft.text(), problems);
            }
            failures.add(writer.name() + " after " + writer.attempts() + " attempt(s): " + String.join("; ", problems));
        }
        throw new WritingFailed(document, failures);
    }

    /** The draft's document as {@code type}, or null with the schema's problems added. */
    private <T> T read(Draft draft, Class<T> type, SchemaCheck schema, List<String> problems) {
        if (draft.document() == null) {
            problems.add("(document): the answer holds no JSON document");
            return null;
        }
        List<DocumentProblem> invalid = schema.problems(draft.document(), "answer");
        if (!invalid.isEmpty()) {
            invalid.forEach(problem -> problems.add(problem.field() + ": " + problem.message()));
            return null;
        }
        try {
            return json.treeToValue(draft.document(), type);
        } catch (JsonProcessingException e) {
            problems.add("(document): " + e.getOriginalMessage());
            return null;
        }
    }
}
