package io.cutline.writer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.emulator.Fault;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.research.SignalLibrary;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.ShippedConfig;
import io.cutline.timing.DurationRule;
import io.cutline.writer.StoryRules;
import io.cutline.writer.StoryWriter;
import io.cutline.writer.WritingDesk;
import io.cutline.writer.WritingFailed;
import io.cutline.writer.template.TemplateWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Translating a storyboard (a channel's other languages): both LLM protocols against the emulator
 * (whose pseudo-translation writes the target language's script), a broken translation repaired, the
 * translation rules with a failing and a passing example, and the template writer's refusals naming
 * the language.
 */
@Timeout(20)
class TranslationContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(13);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StoryRules RULES = new StoryRules(ShippedConfig.platforms(), Map.of("local", DurationRule.parse("any")),
            0.35, 0.15, 1, 2);
    private static JobLedger jobs;
    private static CostLedger costs;
    private static Channel quick;
    private static Storyboard original;

    private String jobId;

    @BeforeAll
    static void storyboardToTranslate() {
        WritingFixture fixture = WritingFixture.open(JSON);
        jobs = fixture.jobs();
        costs = fixture.costs();
        quick = fixture.quick();
        TemplateWriter template = template();
        Brief brief = template.brief(quick, new SignalLibrary(Path.of("src/test/resources/signals"), JSON)
                .topics(Path.of("src/test/resources/signals/quick.yaml")).get(0));
        original = template.storyboard(quick, brief);
    }

    @BeforeEach
    void newJob() {
        jobId = jobs.create("quick", null, "translation-" + UUID.randomUUID(), "test").job().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aTranslationKeepsTheShotsAndSpeaksTheLanguage(String provider) {
        WritingDesk.Written<Storyboard> written = desk(provider).translation(jobId, channel(provider), original, "he");
        Storyboard hebrew = written.document();
        assertThat(written.writer()).isEqualTo(provider);
        assertThat(hebrew.scenes()).hasSameSizeAs(original.scenes());
        for (int i = 0; i < original.scenes().size(); i++) {
            assertThat(hebrew.scenes().get(i).visualPrompt()).isEqualTo(original.scenes().get(i).visualPrompt());
            assertThat(hebrew.scenes().get(i).style()).isEqualTo(original.scenes().get(i).style());
            assertThat(hebrew.scenes().get(i).narration()).matches(".*[\\u05D0-\\u05EA].*").doesNotContainPattern("[A-Za-z]");
        }
        assertThat(hebrew.title()).matches(".*[\\u05D0-\\u05EA].*");
        assertThat(costs.writerCalls(jobId)).singleElement().satisfies(call -> {
            assertThat(call.document()).isEqualTo("translation");
            assertThat(call.outcome()).isEqualTo("valid");
            assertThat(call.usd()).isPositive();
        });
    }

    @Test
    void aTranslationThatBreaksTheSchemaIsRepaired() {
        PROVIDERS.emulator().faults().queue("openai-chat", Fault.of(Fault.Kind.INVALID), 1);
        Storyboard german = desk("openai").translation(jobId, channel("openai"), original, "de").document();
        assertThat(german.scenes().get(0).narration()).containsPattern("[äöüß]");
        assertThat(costs.writerCalls(jobId)).extracting(CostLedger.WriterCall::attempt).containsExactly(1, 2);
    }

    @Test
    void aTranslationMustKeepEveryScene() {
        Storyboard shorter = new Storyboard(original.title(), original.description(), original.hashtags(), original.scenes().subList(0, 1));
        assertThat(RULES.translation(quick, original, shorter)).singleElement().asString()
                .startsWith("scenes: 1 scenes, the storyboard translated has " + original.scenes().size());
        assertThat(RULES.translation(quick, original, original)).isEmpty();
    }

    @Test
    void theTemplateWriterRefusesToTranslateAndNamesTheLanguage() {
        WritingDesk desk = new WritingDesk(Map.of("template", template()), RULES, costs, JSON);
        assertThatThrownBy(() -> desk.translation(jobId, quick, original, "he")).isInstanceOf(WritingFailed.class)
                .hasMessageContaining("no valid translation from any writer: template after 1 attempt(s)")
                .hasMessageContaining("the template writer has phrases in 'en' only and cannot write in 'he' (a translation)")
                .hasMessageContaining("give the channel an LLM writer");
    }

    @Test
    void theTemplateWriterRefusesAChannelInALanguageItHasNoPhrasesFor() {
        assertThat(template().storyboard(speaking("de-AT"), brief(), null).problems()).singleElement().asString()
                .contains("cannot write in 'de-AT' (the channel's language)");
        assertThat(template().storyboard(speaking("en-US"), brief(), null).problems()).as("phrases in en serve en-US").isEmpty();
    }

    private static Channel speaking(String language) {
        return new Channel(quick.id(), quick.name(), quick.niche(), language, quick.voice(), quick.style(), quick.platforms(),
                quick.format(), quick.targetSeconds(), quick.schedule(), quick.budget(), quick.signals(), quick.generation(), quick.music(),
                quick.renditions(), quick.writer(), quick.webhooks(), quick.topics(), quick.testing(), quick.languages(), quick.publishing(), null);
    }

    private static Brief brief() {
        return new Brief("Light bends", "optics", "Light bends.", List.of("Light slows in glass.", "So it bends."),
                "Follow for more.", List.of("light"), List.of(), quick.targetSeconds());
    }

    private static TemplateWriter template() {
        return new TemplateWriter(TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), JSON), JSON);
    }

    private static WritingDesk desk(String provider) {
        StoryWriter llm = PROVIDERS.adapter("cutline.writer", provider, StoryWriter.class);
        return new WritingDesk(Map.of(provider, llm), RULES, costs, JSON);
    }

    private static Channel channel(String provider) {
        return new Channel(quick.id(), quick.name(), quick.niche(), quick.language(), quick.voice(), quick.style(), quick.platforms(),
                quick.format(), quick.targetSeconds(), quick.schedule(), quick.budget(), quick.signals(), quick.generation(), quick.music(),
                quick.renditions(), new Channel.Writer(provider, null, null, null), quick.webhooks(), quick.topics(), quick.testing(), quick.languages(), quick.publishing(), null);
    }
}
