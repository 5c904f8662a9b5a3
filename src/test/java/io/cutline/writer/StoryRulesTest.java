package io.cutline.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;
import io.cutline.research.SignalLibrary;
import io.cutline.support.ManyTopics;
import io.cutline.support.ShippedConfig;
import io.cutline.timing.DurationRule;
import io.cutline.writer.template.TemplateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The storyboard rules, each with a passing and a failing example; and the template writer keeps them all. */
class StoryRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StoryRules rules = new StoryRules(ShippedConfig.platforms(), Map.of("local", DurationRule.parse("any"),
            "runway", DurationRule.parse("2-10")), 0.35, 0.15, 1, 2);
    private final ChannelRegistry registry = registry();
    private final Channel demo = registry.require("demo");
    private final Brief brief = new Brief("The Moon is slowly leaving Earth", "space", "The Moon is leaving us.",
            List.of("It drifts away a little every year.", "Tides slow the Earth's spin."), "Follow for more.", List.of("moon"),
            List.of(), 30);

    @ParameterizedTest
    @ValueSource(strings = {
        "a lone lighthouse on a cliff at dusk, waves crashing below, slow push in",
        "macro shot of a firefly glowing on a leaf, shallow depth of field",
        "the Moon rising over a calm ocean, long exposure, deep blue light"})
    void aPromptForOneShotPasses(String prompt) {
        assertThat(StoryRules.oneShot(prompt)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a rocket on the pad, then it lifts off into the clouds",
        "a seed in soil; next it sprouts; finally a tree stands tall",
        "close-up of an eye, cut to a galaxy spinning",
        "a city at night that fades to a sunrise over the desert",
        "1. a glacier 2. the glacier melting",
        "ice -> water -> steam",
        "a montage of volcanoes erupting around the world",
        "a whale surfaces, followed by a calf"})
    void aPromptThatOrdersEventsOrCutsBetweenShotsFails(String prompt) {
        assertThat(StoryRules.oneShot(prompt)).isNotEmpty().allMatch(problem -> problem.startsWith("describe one shot"));
    }

    @Test
    void aStoryboardThatKeepsEveryRulePasses() {
        assertThat(rules.storyboard(demo, brief, storyboard(brief.hook(), 150))).isEmpty();
    }

    @Test
    void narrationSpokenTooFastOrTooSlowForTheChannelFails() {
        // demo speaks 165 words a minute; 200 and 120 are beyond ±15%
        assertThat(rules.storyboard(demo, brief, storyboard(brief.hook(), 200)))
                .anyMatch(problem -> problem.matches("scenes\\[\\d]: \\d+ words in .* s is \\d+ words a minute; the channel speaks 165 .*"));
        assertThat(rules.storyboard(demo, brief, storyboard(brief.hook(), 120))).anyMatch(problem -> problem.contains("words a minute"));
        assertThat(rules.storyboard(demo, brief, storyboard(brief.hook(), 180))).as("within 15%").isEmpty();
    }

    @Test
    void aSceneMayDrawOnlyOnBeatsTheBriefHas() {
        Storyboard keeping = storyboard(brief.hook(), 165);
        List<Storyboard.SceneDraft> scenes = new ArrayList<>(keeping.scenes());
        Storyboard.SceneDraft second = scenes.get(1);
        scenes.set(1, new Storyboard.SceneDraft(second.narration(), second.visualPrompt(), second.style(), second.seconds(),
                List.of(1, brief.beats().size() + 1)));
        assertThat(rules.storyboard(demo, brief, new Storyboard(keeping.title(), keeping.description(), keeping.hashtags(), scenes)))
                .containsExactly("scenes[1].facts: there is no beat " + (brief.beats().size() + 1) + "; the brief has "
                        + brief.beats().size() + " (numbered from 1)");
        scenes.set(1, new Storyboard.SceneDraft(second.narration(), second.visualPrompt(), second.style(), second.seconds(), List.of(1)));
        assertThat(rules.storyboard(demo, brief, new Storyboard(keeping.title(), keeping.description(), keeping.hashtags(), scenes)))
                .isEmpty();
    }

    @Test
    void theHookMustOpenTheVideo() {
        assertThat(rules.storyboard(demo, brief, storyboard("Welcome back to the channel everyone, today we talk.", 165)))
                .contains("scenes[0].narration: the first scene must speak the brief's hook: \"The Moon is leaving us.\"");
    }

    @Test
    void aTitleDescriptionOrHashtagsBeyondAPlatformsLimitFail() {
        Storyboard fits = storyboard(brief.hook(), 165);
        Storyboard tooMuch = new Storyboard("x".repeat(101), "d".repeat(2201), java.util.Collections.nCopies(16, "#tag"), fits.scenes());
        assertThat(rules.storyboard(demo, brief, tooMuch)).contains(
                "title: 101 characters, youtube takes at most 100",
                "description: 2201 characters, tiktok takes at most 2200",
                "hashtags: 16 hashtags, youtube takes at most 15");
    }

    @Test
    void scenesMustFitTheTargetLengthAndTheProvidersClips() {
        Channel onRunway = withGeneration(demo, "runway");
        List<Storyboard.SceneDraft> scenes = new ArrayList<>(storyboard(brief.hook(), 165).scenes());
        String longLine = "word ".repeat(60).strip();
        scenes.add(new Storyboard.SceneDraft(longLine, "a calm sea at dawn", "broll", 60 * 60.0 / 165));
        assertThat(rules.storyboard(onRunway, brief, new Storyboard("Title", "d", List.of(), scenes)))
                .anyMatch(problem -> problem.startsWith("scenes[" + (scenes.size() - 1) + "]: runs 21.8 s, longer than 2 of the longest clips runway"))
                .anyMatch(problem -> problem.startsWith("scenes: run "));
        assertThat(rules.brief(demo, new Brief("T o p", "a", "Hi.", List.of("One."), "", List.of(), List.of(), 45)))
                .contains("targetSeconds: is 45, the channel's target length is 30")
                .anyMatch(problem -> problem.startsWith("hook, beats and callToAction: run 0.7 s"));
    }

    @Test
    void theTemplateWriterKeepsTheRulesForEveryShippedAndTestTopic() {
        TemplateWriter writer = new TemplateWriter(TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), JSON), JSON);
        ChannelRegistry tests = ShippedConfig.channels(Path.of("src/test/resources/channels"), Path.of("src/test/resources/signals"), JSON);
        tests.reload();
        List<String> problems = new ArrayList<>();
        for (Channel channel : List.of(demo, tests.require("quick"), tests.require("timing"))) {
            Path signals = channel.id().equals("demo") ? Path.of("config/signals") : Path.of("src/test/resources/signals");
            for (Topic topic : new SignalLibrary(signals, JSON).topics(signals.resolve(channel.signals().get(0).file()))) {
                Brief written = writer.brief(channel, topic);
                rules.brief(channel, written).forEach(problem -> problems.add(channel.id() + "/" + topic.title() + " brief: " + problem));
                rules.storyboard(channel, written, writer.storyboard(channel, written))
                        .forEach(problem -> problems.add(channel.id() + "/" + topic.title() + " storyboard: " + problem));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTemplateWriterKeepsTheRulesForTheManyTopicsOfTheLoadTests(@TempDir Path signals) throws Exception {
        TemplateWriter writer = new TemplateWriter(TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), JSON), JSON);
        ChannelRegistry tests = ShippedConfig.channels(Path.of("src/test/resources/channels"), Path.of("src/test/resources/signals"), JSON);
        tests.reload();
        Channel quick = tests.require("quick");
        Channel fast = new Channel(quick.id(), quick.name(), quick.niche(), quick.language(),
                new Channel.Voice("espeak", "en-us", 400, null), quick.style(), quick.platforms(), quick.format(), quick.targetSeconds(),
                quick.schedule(), quick.budget(), quick.signals(), quick.generation(), quick.music(), quick.renditions(), quick.writer(), quick.webhooks(),
                quick.topics(), null, List.of(), null, null);
        ManyTopics.write(signals, "quick", 0, 30, 1);
        List<String> problems = new ArrayList<>();
        for (Channel channel : List.of(quick, fast)) {
            for (Topic topic : new SignalLibrary(signals, JSON).topics(signals.resolve(channel.signals().get(0).file()))) {
                Brief written = writer.brief(channel, topic);
                problems.addAll(rules.brief(channel, written));
                problems.addAll(rules.storyboard(channel, written, writer.storyboard(channel, written)));
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Four scenes of the demo channel, the first speaking {@code hook}, their seconds set as if spoken at {@code wordsPerMinute}. */
    private static Storyboard storyboard(String hook, int wordsPerMinute) {
        List<String> lines = List.of(hook, "It drifts away about four centimetres every single year, slowly.",
                "Ocean tides act like a brake on the spinning Earth below us, and they slow it down.",
                "Long ago a day on our planet lasted only about ten hours, and the Moon was close.",
                "Follow for one more small wonder of the sky tomorrow morning.");
        List<Storyboard.SceneDraft> scenes = lines.stream().map(line -> new Storyboard.SceneDraft(line,
                "slow cinematic motion, the Moon over a calm ocean at night", "broll",
                StoryRules.words(line) * 60.0 / wordsPerMinute)).toList();
        return new Storyboard("The Moon is slowly leaving Earth", "Why the Moon drifts away. #moon", List.of("#moon", "#shorts"), scenes);
    }

    private static Channel withGeneration(Channel channel, String provider) {
        return new Channel(channel.id(), channel.name(), channel.niche(), channel.language(), channel.voice(), channel.style(),
                channel.platforms(), channel.format(), channel.targetSeconds(), channel.schedule(), channel.budget(), channel.signals(),
                new Channel.Generation(provider, null, null), channel.music(), channel.renditions(), channel.writer(), channel.webhooks(), channel.topics(), channel.testing(), channel.languages(), channel.publishing(), channel.shorts());
    }

    private static ChannelRegistry registry() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), JSON);
        registry.reload();
        return registry;
    }
}
