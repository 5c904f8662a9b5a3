package io.cutline.writer.llm;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderUnavailableException;

/**
 * OpenAI Chat Completions, {@code POST {base-url}/chat/completions}, with structured output
 * ({@code response_format: json_schema}, strict). One adapter for every server speaking it: OpenAI,
 * OpenRouter, vLLM, LM Studio and a local Ollama (its base URL {@code http://localhost:11434/v1}, no
 * key). {@code max-tokens-field}: {@code max_completion_tokens} (OpenAI) or {@code max_tokens} (older
 * servers). The answer is {@code choices[0].message.content}; {@code message.refusal} is a refusal,
 * {@code finish_reason: length} a cut-off answer, {@code content_filter} a refusal by the service.
 */
public class OpenAiChatWriter extends LlmWriter {

    private final String maxTokensField;

    public OpenAiChatWriter(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
        this.maxTokensField = settings.text("max-tokens-field");
    }

    @Override
    protected Answer complete(String model, String system, String prompt, String schemaName, ObjectNode schema) {
        ObjectNode request = json.createObjectNode();
        request.put("model", model);
        request.putArray("messages").add(message("system", system)).add(message("user", prompt));
        request.put("temperature", temperature());
        request.put(maxTokensField, maxTokens());
        ObjectNode format = request.putObject("response_format");
        format.put("type", "json_schema");
        format.putObject("json_schema").put("name", schemaName).put("strict", true).set("schema", schema);
        Map<String, String> headers = new HashMap<>();
        apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        JsonNode answer = post(settings.url("/chat/completions"), headers, request);
        JsonNode choice = answer.path("choices").path(0);
        if (!choice.path("message").isObject()) {
            throw new ProviderUnavailableException(name(), "reply without choices[0].message: " + excerpt(answer.toString()), true, null);
        }
        String finish = choice.path("finish_reason").asText("");
        JsonNode message = choice.path("message");
        String refusal = message.path("refusal").isTextual() ? message.path("refusal").asText()
                : finish.equals("content_filter") ? "the service's content filter stopped the answer" : null;
        return new Answer(message.path("content").asText(""), finish.equals("length"), refusal,
                answer.path("usage").path("prompt_tokens").asInt(0), answer.path("usage").path("completion_tokens").asInt(0));
    }

    private ObjectNode message(String role, String content) {
        return json.createObjectNode().put("role", role).put("content", content);
    }
}
