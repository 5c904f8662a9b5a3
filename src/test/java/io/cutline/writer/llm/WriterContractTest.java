package io.cutline.writer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.config.ProviderSettings;
import io.cutline.emulator.Fault;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;
import io.cutline.provider.ProviderRejectedException;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LLM writers against the emulator's wire protocols, one test per fault an LLM gives, each
 * ending in a valid brief and storyboard or in the failure that parks the job with its problems
 * listed; none waits longer than the gateway's answer timeout (2 s here). A failure to answer (429,
 * 5xx, no reply, too slow) is thrown for the route to retry; the retry is made here by calling
 * again, as the route's redelivery does.
 */
@Timeout(20)
class WriterContractTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(11);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JobLedger jobs;
    private static CostLedger costs;
    private static Channel quick;
    private static Topic topic;

    private String jobId;

    @BeforeAll
    static void ledgerAndChannel() {
        WritingFixture fixture = WritingFixture.open(JSON);
        jobs = fixture.jobs();
        costs = fixture.costs();
        quick = fixture.quick();
        topic = new SignalLibrary(Path.of("src/test/resources/signals"), JSON).topics(Path.of("src/test/resources/signals/quick.yaml")).get(0);
    }

    @BeforeEach
    void newJob() {
        jobId = jobs.create("quick", null, "contract-" + UUID.randomUUID(), "test").job().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aCleanAnswerIsAValidBriefAndStoryboardWithItsTokensAndPriceInTheLedger(String provider) {
        Storyboard storyboard = write(provider);
        assertThat(storyboard.scenes().get(0).narration()).contains(topic.title());
        assertThat(storyboard.scenes()).extracting(Storyboard.SceneDraft::narration).contains(topic.facts().toArray(String[]::new));
        List<CostLedger.WriterCall> calls = costs.writerCalls(jobId);
        assertThat(calls).extracting(CostLedger.WriterCall::document).containsExactly("brief", "storyboard");
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.writer()).isEqualTo(provider);
            assertThat(call.outcome()).isEqualTo("valid");
            assertThat(call.inputTokens()).isPositive();
            assertThat(call.outputTokens()).isPositive();
            assertThat(call.usd()).isPositive().isCloseTo(price(provider, call), within(1e-9));
        });
    }

    @org.junit.jupiter.api.Test
    void anthropicsJsonSchemaOutputIsReadFromItsTextBlock() {
        StoryWriter jsonSchema = PROVIDERS.adapter("cutline.writer", "anthropic", StoryWriter.class, Map.of("structured-output", "json-schema"));
        WritingDesk desk = new WritingDesk(Map.of("anthropic", jsonSchema), rules(), costs, JSON);
        Brief brief = desk.brief(jobId, channel("anthropic", null), topic).document();
        assertThat(desk.storyboard(jobId, channel("anthropic", null), brief).document().scenes().get(0).narration()).isEqualTo(brief.hook());
        assertThat(outcomes()).containsExactly("valid", "valid");
    }

    /** Each kind of broken answer, the words its problem is named with, and the providers that give it. */
    static Stream<Arguments> brokenAnswers() {
        return Stream.of("openai", "anthropic").flatMap(provider -> Stream.of(
                Arguments.of(provider, Fault.Kind.MALFORMED, List.of("not valid JSON")),
                Arguments.of(provider, Fault.Kind.INVALID, List.of("topic: required property 'topic' not found", "notes: unknown key")),
                Arguments.of(provider, Fault.Kind.TRUNCATED, List.of("cut off at the token limit")),
                Arguments.of(provider, Fault.Kind.REFUSAL, List.of("the model refused"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenAnswers")
    void aBrokenAnswerIsSentBackWithWhatIsWrongAndRepaired(String provider, Fault.Kind kind, List<String> problem) {
        fault(provider, Fault.of(kind));
        write(provider);
        assertThat(outcomes().get(0)).contains(problem);
        assertThat(outcomes().subList(1, 3)).containsOnly("valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aRateLimitIsThrownWithItsRetryAfterForTheRouteToWaitOut(String provider) {
        fault(provider, new Fault(Fault.Kind.RATE_LIMIT, 0, 1.5, 0));
        assertThatThrownBy(() -> write(provider)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
        assertThat(costs.writerCalls(jobId)).as("nothing was answered, nothing is charged").isEmpty();
        write(provider);
        assertThat(outcomes()).containsExactly("valid", "valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aServerErrorIsThrownForTheRouteToRetry(String provider) {
        fault(provider, new Fault(Fault.Kind.SERVER_ERROR, 500, 0, 0));
        assertThatThrownBy(() -> write(provider)).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 500");
        write(provider);
        assertThat(outcomes()).containsExactly("valid", "valid");
    }

    @org.junit.jupiter.api.Test
    void anthropicsOverloadedErrorIsThrownForTheRouteToRetry() {
        fault("anthropic", new Fault(Fault.Kind.SERVER_ERROR, 529, 0, 0));
        assertThatThrownBy(() -> write("anthropic")).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 529").hasMessageContaining("Overloaded");
        write("anthropic");
        assertThat(outcomes()).containsExactly("valid", "valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aLostReplyIsAnUnknownOutcomeThrownForTheRouteToRetry(String provider) {
        fault(provider, Fault.of(Fault.Kind.LOST_REPLY));
        assertThatThrownBy(() -> write(provider)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.requestSent()).isTrue());
        write(provider);
        assertThat(outcomes()).containsExactly("valid", "valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aSlowAnswerWithinTheTimeoutIsUsedAndOneBeyondItIsGivenUpOn(String provider) {
        fault(provider, new Fault(Fault.Kind.TIMEOUT, 0, 0, 300));
        write(provider);
        assertThat(outcomes()).containsExactly("valid", "valid");
        fault(provider, new Fault(Fault.Kind.TIMEOUT, 0, 0, 10_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> write(provider)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.requestSent()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the gateway's answer timeout").isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void answersThatStayInvalidGoToTheFallbackWriter(String provider) {
        fault(provider, Fault.of(Fault.Kind.INVALID), 3);
        WritingDesk.Written<Brief> brief = desk(provider).brief(jobId, channel(provider, "template"), topic);
        assertThat(brief.writer()).isEqualTo("template");
        assertThat(costs.writerCalls(jobId)).extracting(CostLedger.WriterCall::writer).containsExactly(provider, provider, provider, "template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void withoutAFallbackTheJobParksWithEveryProblemListed(String provider) {
        fault(provider, Fault.of(Fault.Kind.INVALID), 3);
        assertThatThrownBy(() -> desk(provider).brief(jobId, channel(provider, null), topic))
                .isInstanceOf(WritingFailed.class)
                .hasMessageStartingWith("no valid brief from any writer: " + provider + " after 3 attempt(s): ")
                .hasMessageContaining("topic: required property 'topic' not found")
                .hasMessageContaining("notes: unknown key");
    }

    @org.junit.jupiter.api.Test
    void aStepTriedAgainNumbersItsCallsOnFromTheEarlierRun() {
        fault("openai", Fault.of(Fault.Kind.INVALID));
        fault("openai", new Fault(Fault.Kind.SERVER_ERROR, 500, 0, 0));
        assertThatThrownBy(() -> write("openai")).isInstanceOf(ProviderUnavailableException.class);
        write("openai");
        assertThat(costs.writerCalls(jobId)).extracting(CostLedger.WriterCall::document, CostLedger.WriterCall::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("brief", 1), org.assertj.core.groups.Tuple.tuple("brief", 2),
                        org.assertj.core.groups.Tuple.tuple("storyboard", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "anthropic"})
    void aWrongKeyIsRefusedForGoodAndTheJobParksAtOnce(String provider) {
        StoryWriter wrongKey = PROVIDERS.adapter("cutline.writer", provider, StoryWriter.class, Map.of("api-key-env", "HOME"));
        WritingDesk desk = new WritingDesk(Map.of(provider, wrongKey), rules(), costs, JSON);
        assertThatThrownBy(() -> desk.brief(jobId, channel(provider, null), topic)).isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("refused with HTTP 401");
        assertThat(costs.writerCalls(jobId)).isEmpty();
    }

    /** A brief, then a storyboard of it, as the research and storyboard steps have them written. */
    private Storyboard write(String provider) {
        WritingDesk desk = desk(provider);
        Channel channel = channel(provider, "template");
        Brief brief = desk.brief(jobId, channel, topic).document();
        WritingDesk.Written<Storyboard> storyboard = desk.storyboard(jobId, channel, brief);
        assertThat(storyboard.writer()).isEqualTo(provider);
        return storyboard.document();
    }

    private static StoryRules rules() {
        return new StoryRules(ShippedConfig.platforms(), Map.of("local", DurationRule.parse("any")), 0.35, 0.15, 1, 2);
    }

    private static WritingDesk desk(String provider) {
        StoryWriter llm = PROVIDERS.adapter("cutline.writer", provider, StoryWriter.class);
        StoryWriter template = new TemplateWriter(TemplateWriter.readPhrases(Path.of("config/prompts/template-writer.yaml"), JSON), JSON);
        return new WritingDesk(Map.of(provider, llm, "template", template), rules(), costs, JSON);
    }

    private static Channel channel(String provider, String fallback) {
        return new Channel(quick.id(), quick.name(), quick.niche(), quick.language(), quick.voice(), quick.style(), quick.platforms(),
                quick.format(), quick.targetSeconds(), quick.schedule(), quick.budget(), quick.signals(), quick.generation(), quick.music(),
                quick.renditions(), new Channel.Writer(provider, null, fallback, null), quick.webhooks(), quick.topics(), null, List.of(), null, null);
    }

    private static void fault(String provider, Fault fault) {
        fault(provider, fault, 1);
    }

    private static void fault(String provider, Fault fault, int count) {
        PROVIDERS.emulator().faults().queue(provider.equals("openai") ? "openai-chat" : provider, fault, count);
    }

    private List<String> outcomes() {
        return costs.writerCalls(jobId).stream().map(CostLedger.WriterCall::outcome).toList();
    }

    private static double price(String provider, CostLedger.WriterCall call) {
        ProviderSettings block = PROVIDERS.block("cutline.writer", provider);
        return (call.inputTokens() * block.decimal("price-per-million-input") + call.outputTokens() * block.decimal("price-per-million-output"))
                / 1_000_000;
    }
}
