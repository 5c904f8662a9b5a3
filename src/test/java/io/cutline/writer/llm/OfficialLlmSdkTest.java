package io.cutline.writer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.RateLimitException;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StructuredMessage;
import com.anthropic.models.messages.StructuredMessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolUseBlock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import io.cutline.emulator.Fault;
import io.cutline.support.EmulatedProviders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vendors' own Java SDKs (openai-java, anthropic-java), pointed at the emulator, send their
 * structured-output requests and parse its answers unchanged, errors included: the emulator's LLM
 * endpoints are the wire formats Cutline's writers are tested against, not a dialect of our own.
 */
class OfficialLlmSdkTest {

    @RegisterExtension
    static final EmulatedProviders PROVIDERS = new EmulatedProviders(17);

    private static final String PROMPT = """
            Write a brief for a short video.
            Topic: Why the sky is blue
            Facts:
            - Sunlight holds every colour.
            - Air scatters short blue waves more than red ones.
            """;

    /** What the SDKs turn into a JSON schema (and the answer back into): public fields, as their docs show. */
    public static class BriefDraft {
        public String topic;
        public String hook;
        public List<String> beats;
    }

    @Test
    void openAisSdkParsesAStructuredChatCompletion() {
        StructuredChatCompletionCreateParams<BriefDraft> request = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage(PROMPT).responseFormat(BriefDraft.class).build();

        StructuredChatCompletion<BriefDraft> completion = openAi().chat().completions().create(request);

        // every field the SDK's model requires is there, with its type (the SDK reads lazily: this reads all)
        completion.rawChatCompletion().validate();
        assertThat(completion.choices()).hasSize(1);
        StructuredChatCompletion.Choice<BriefDraft> choice = completion.choices().get(0);
        assertThat(choice.finishReason().asString()).isEqualTo("stop");
        BriefDraft brief = choice.message().content().orElseThrow();
        assertThat(brief.topic).isEqualTo("Why the sky is blue");
        assertThat(brief.beats).contains("Sunlight holds every colour.");
        assertThat(completion.usage().orElseThrow().promptTokens()).isPositive();
    }

    @Test
    void anthropicsSdkParsesStructuredOutput() {
        StructuredMessageCreateParams<BriefDraft> request = MessageCreateParams.builder()
                .model("claude-sonnet-4-5").maxTokens(2000).addUserMessage(PROMPT).outputConfig(BriefDraft.class).build();

        StructuredMessage<BriefDraft> message = anthropic().messages().create(request);

        message.rawMessage().validate();
        assertThat(message.stopReason().orElseThrow().asString()).isEqualTo("end_turn");
        List<BriefDraft> briefs = message.content().stream().flatMap(block -> block.text().stream())
                .map(text -> text.text()).toList();
        assertThat(briefs).singleElement().satisfies(brief -> {
            assertThat(brief.topic).isEqualTo("Why the sky is blue");
            assertThat(brief.beats).contains("Air scatters short blue waves more than red ones.");
        });
        assertThat(message.usage().outputTokens()).isPositive();
    }

    @Test
    void anthropicsSdkParsesAForcedToolCall() {
        MessageCreateParams request = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(2000).addUserMessage(PROMPT)
                .addTool(Tool.builder().name("write_brief").inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("topic", Map.of("type", "string"), "beats", Map.of("type", "array",
                                "items", Map.of("type", "string")))))
                        .required(List.of("topic", "beats")).build()).build())
                .toolChoice(ToolChoiceTool.builder().name("write_brief").build()).build();

        Message message = anthropic().messages().create(request).validate();

        assertThat(message.stopReason().orElseThrow().asString()).isEqualTo("tool_use");
        ToolUseBlock use = message.content().get(0).toolUse().orElseThrow();
        assertThat(use.name()).isEqualTo("write_brief");
        assertThat(use._input().convert(Map.class)).containsEntry("topic", "Why the sky is blue").containsKey("beats");
    }

    @Test
    void theSdksReadTheEmulatorsErrorsAsTheVendorsErrors() {
        PROVIDERS.emulator().faults().queue("openai-chat", new Fault(Fault.Kind.SERVER_ERROR, 500, 0, 0), 1);
        assertThatThrownBy(() -> openAi().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage(PROMPT).responseFormat(BriefDraft.class).build()))
                .isInstanceOfSatisfying(InternalServerException.class, error -> assertThat(error.statusCode()).isEqualTo(500));

        PROVIDERS.emulator().faults().queue("anthropic", new Fault(Fault.Kind.RATE_LIMIT, 0, 1, 0), 1);
        assertThatThrownBy(() -> anthropic().messages().create(MessageCreateParams.builder()
                .model("claude-sonnet-4-5").maxTokens(2000).addUserMessage(PROMPT).outputConfig(BriefDraft.class).build()))
                .isInstanceOfSatisfying(RateLimitException.class, error -> assertThat(error.headers().values("retry-after")).isNotEmpty());
    }

    private static OpenAIClient openAi() {
        return OpenAIOkHttpClient.builder().baseUrl(PROVIDERS.emulator().baseUrl() + "/v1").apiKey(System.getenv(EmulatedProviders.KEY_VARIABLE))
                .maxRetries(0).build();
    }

    private static AnthropicClient anthropic() {
        return AnthropicOkHttpClient.builder().baseUrl(PROVIDERS.emulator().baseUrl()).apiKey(System.getenv(EmulatedProviders.KEY_VARIABLE))
                .maxRetries(0).build();
    }
}
