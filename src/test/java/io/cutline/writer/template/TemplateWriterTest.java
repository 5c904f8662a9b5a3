package io.cutline.writer.template;

import io.cutline.support.ShippedConfig;
import io.cutline.support.TestedChannel;

import io.cutline.model.Brief;
import io.cutline.model.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.SchemaCheck;
import io.cutline.research.SignalLibrary;
import io.cutline.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateWriterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final TemplateWriter writer = new TemplateWriter(TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), json), json);
    private final Channel demo = demo();
    private final Topic moon = new SignalLibrary(Path.of("config/signals"), json).topics(Path.of("config/signals/demo.yaml")).get(0);

    @Test
    void aPhrasesFileWithAMisspeltKeyOrAWrongTypeNamesEachAtItsLine(@TempDir Path dir) throws IOException {
        Path phrases = dir.resolve("phrases.yaml");
        Files.writeString(phrases, """
                hook:
                  - "Look. {topic}."
                callsToAction: 3
                """);
        assertThatThrownBy(() -> TemplateWriter.readPhrases(phrases, json))
                .isInstanceOf(InvalidDocumentException.class)
                .extracting(e -> ((InvalidDocumentException) e).problems().stream().map(Object::toString).toList())
                .asList().containsExactly(
                        phrases + ":1:1: hooks: required property 'hooks' not found",
                        phrases + ":1:1: hook: unknown key; did you mean `hooks`?",
                        phrases + ":3:16: callsToAction: integer found, array expected");
    }

    @Test
    void theBriefFitsTheTargetLengthAndTheSchema() {
        Brief brief = writer.brief(demo, moon);
        int words = words(brief.hook()) + words(brief.callToAction()) + brief.beats().stream().mapToInt(TemplateWriterTest::words).sum();
        double seconds = words * 60.0 / demo.voice().wordsPerMinuteOrDefault();
        assertThat(seconds).isBetween(demo.targetSeconds() * 0.6, demo.targetSeconds() * 1.3);
        assertThat(brief.beats()).hasSizeGreaterThanOrEqualTo(2).isSubsetOf(moon.facts());
        assertThat(brief.hook()).contains(moon.title());
        assertThat(SchemaCheck.load("brief.schema.json").problems(json.valueToTree(brief), "brief")).isEmpty();
    }

    @Test
    void theHookFollowsTheHookStyleTheJobsArmAsksFor() {
        Channel tested = TestedChannel.of(demo, new Channel.Testing(null, List.of("question", "bold-claim", "number", "story"), null));
        TemplateWriter.Phrases phrases = TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), json);
        for (String style : List.of("question", "bold-claim", "number", "story")) {
            Brief brief = writer.brief(tested.forArm("hook-" + style), moon);
            List<String> ofStyle = phrases.hookStyles().get(style).stream().map(phrase -> phrase.replace("{topic}", moon.title())).toList();
            assertThat(brief.hook()).as("the hook of a brief whose arm asks for " + style).isIn(ofStyle);
            assertThat(writer.storyboard(tested.forArm("hook-" + style), brief).title()).as("titled by its hook style")
                    .isEqualTo(phrases.hookTitles().get(style).replace("{topic}", moon.title()));
        }
        assertThat(writer.storyboard(demo, writer.brief(demo, moon)).title()).as("no style: the topic's title").isEqualTo(moon.title());
        assertThat(writer.brief(demo, moon).hook()).as("no style asked: the unstyled hooks")
                .isIn(phrases.hooks().stream().map(phrase -> phrase.replace("{topic}", moon.title())).toList());
    }

    @Test
    void aHookStyleThePhrasesLackIsRefusedNotIgnored() {
        TemplateWriter unstyled = new TemplateWriter(new TemplateWriter.Phrases(List.of("Look. {topic}."), List.of("Follow."), null, null), json);
        Channel asking = TestedChannel.of(demo, new Channel.Testing(null, List.of("question"), null)).forArm("hook-question");
        assertThat(unstyled.brief(asking, moon, null).problems()).singleElement().asString().contains("no hooks of style 'question'");
    }

    @Test
    void theStoryboardHasOneSceneForEachLineWithAPromptInTheChannelStyle() {
        Brief brief = writer.brief(demo, moon);
        Storyboard storyboard = writer.storyboard(demo, brief);
        List<String> narration = storyboard.scenes().stream().map(Storyboard.SceneDraft::narration).toList();
        assertThat(narration.get(0)).isEqualTo(brief.hook());
        assertThat(narration.subList(1, narration.size() - 1)).isEqualTo(brief.beats());
        assertThat(narration.get(narration.size() - 1)).isEqualTo(brief.callToAction());
        assertThat(storyboard.scenes()).allSatisfy(scene -> assertThat(scene.visualPrompt()).startsWith(demo.style().visual()));
        assertThat(storyboard.scenes().get(1).visualPrompt()).contains("moon");
        assertThat(storyboard.hashtags()).contains("#moon", "#shorts").allMatch(tag -> tag.matches("#\\S+"));
        assertThat(storyboard.scenes()).as("each scene runs as long as its narration").allMatch(scene -> scene.seconds() == null);
        assertThat(SchemaCheck.load("storyboard.schema.json").problems(writer.storyboard(demo, brief, null).document(), "storyboard"))
                .isEmpty();
    }

    @Test
    void subjectWordsPreferTheTopicsKeywords() {
        assertThat(TemplateWriter.subjectWords("Ocean tides act like a brake on our planet", List.of("moon", "tides")))
                .containsExactly("tides", "ocean", "brake", "planet");
    }

    private Channel demo() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), json);
        registry.reload();
        return registry.require("demo");
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
