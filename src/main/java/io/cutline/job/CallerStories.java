package io.cutline.job;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.document.DocumentProblem;
import io.cutline.document.SchemaCheck;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.writer.StoryRules;

/**
 * Reads the brief or storyboard a job request carries and holds it to what a writer's would be held
 * to: the same JSON Schemas, then the {@link StoryRules} for the request's channel (one shot per
 * visual prompt, speaking rate, the provider's clip lengths, the platforms' limits, the hook in
 * scene 1). The video's length is the caller's: the channel's target length gives way to the
 * brief's {@code targetSeconds}, or to the storyboard's running time when it comes without a brief.
 */
public class CallerStories {

    /** The writer a caller's brief and storyboard are recorded under in the ledger and the job view. */
    public static final String WRITER = "caller";

    private static final int SHORTEST_TARGET_SECONDS = 5;

    private final StoryRules rules;
    private final ObjectMapper json;
    private final SchemaCheck briefSchema = SchemaCheck.load("brief.schema.json");
    private final SchemaCheck storyboardSchema = SchemaCheck.load("storyboard.schema.json");

    public CallerStories(StoryRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    /**
     * The caller's story for {@code channel}, or null when the request carries neither a brief nor a
     * storyboard (missing and JSON null alike).
     *
     * @throws InvalidCallerStory listing every problem, each under {@code brief.} or {@code storyboard.}
     */
    public CallerStory read(Channel channel, String topic, JsonNode brief, JsonNode storyboard) {
        boolean hasBrief = given(brief);
        boolean hasStoryboard = given(storyboard);
        if (!hasBrief && !hasStoryboard) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (hasBrief && topic != null) {
            problems.add("topic: give a topic or a brief (a brief names its own topic), not both");
        }
        if (hasBrief) {
            briefSchema.problems(brief, "brief").forEach(problem -> problems.add(field("brief", problem) + ": " + problem.message()));
        }
        if (hasStoryboard) {
            storyboardSchema.problems(storyboard, "storyboard")
                    .forEach(problem -> problems.add(field("storyboard", problem) + ": " + problem.message()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCallerStory(problems);
        }
        Storyboard scenes = hasStoryboard ? value(storyboard, Storyboard.class) : null;
        Brief written = hasBrief ? value(brief, Brief.class) : briefOf(channel, topic, scenes);
        Channel sized = channel.withTargetSeconds(written.targetSeconds());
        if (hasBrief) {
            rules.brief(sized, written).forEach(problem -> problems.add("brief." + problem));
        }
        if (hasStoryboard) {
            rules.storyboard(sized, written, scenes).forEach(problem -> problems.add("storyboard." + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCallerStory(problems);
        }
        return new CallerStory(written, scenes);
    }

    /**
     * The brief a storyboard sent alone stands for: its topic (the request's, or the title), its
     * first line as the hook, its lines as the beats, its running time as the target length.
     */
    private static Brief briefOf(Channel channel, String topic, Storyboard storyboard) {
        List<String> lines = storyboard.scenes().stream().map(Storyboard.SceneDraft::narration).toList();
        List<String> keywords = storyboard.hashtags().stream().map(tag -> tag.substring(1)).toList();
        int seconds = (int) Math.max(SHORTEST_TARGET_SECONDS, Math.round(StoryRules.runningSeconds(channel, storyboard)));
        return new Brief(topic != null ? topic : storyboard.title(), storyboard.title(), lines.get(0), lines, "", keywords, List.of(),
                seconds);
    }

    private <T> T value(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            // the schema passed, so the document maps; a failure here is a mismatch between schema and record
            throw new IllegalStateException("a " + type.getSimpleName() + " that passed its schema does not map: " + e.getOriginalMessage(), e);
        }
    }

    /** The problem's field within the request: {@code storyboard.scenes[0].narration}, or {@code storyboard} for the whole. */
    private static String field(String document, DocumentProblem problem) {
        return "(document)".equals(problem.field()) ? document : document + "." + problem.field();
    }

    private static boolean given(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }
}
