package io.cutline.writer.llm;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderUnavailableException;

/**
 * Anthropic Messages, {@code POST {base-url}/v1/messages} ({@code x-api-key}, {@code anthropic-version}
 * from {@code version}), with structured output as {@code structured-output} says: {@code tool} (a
 * forced tool call: one tool whose {@code input_schema} is the document's schema and {@code
 * tool_choice} naming it, so the document is the {@code tool_use} block's {@code input}; works on every
 * model) or {@code json-schema} ({@code output_config.format}, the document in the first text block;
 * models with JSON-schema output). {@code stop_reason: max_tokens} is a cut-off answer, {@code refusal} a refusal; 529
 * {@code overloaded_error} is retried like a 5xx.
 */
public class AnthropicWriter extends LlmWriter {

    private final String version;
    private final boolean forcedTool;

    public AnthropicWriter(ProviderSettings settings, AdapterKit kit) {
        super(settings, kit);
        this.version = settings.text("version");
        String mode = settings.text("structured-output");
        if (!mode.equals("tool") && !mode.equals("json-schema")) {
            throw new IllegalStateException("property " + settings.property("structured-output") + " must be tool or json-schema, got '"
                    + mode + "'");
        }
        this.forcedTool = mode.equals("tool");
    }

    @Override
    protected Answer complete(String model, String system, String prompt, String schemaName, ObjectNode schema) {
        ObjectNode request = json.createObjectNode();
        request.put("model", model);
        request.put("max_tokens", maxTokens());
        request.put("temperature", temperature());
        request.put("system", system);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        if (forcedTool) {
            request.putArray("tools").addObject().put("name", schemaName).put("description", "Hand in the " + schemaName + ".")
                    .set("input_schema", schema);
            request.putObject("tool_choice").put("type", "tool").put("name", schemaName);
        } else {
            request.putObject("output_config").putObject("format").put("type", "json_schema").set("schema", schema);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("anthropic-version", version);
        apiKey().ifPresent(key -> headers.put("x-api-key", key));
        JsonNode answer = post(settings.url("/v1/messages"), headers, request);
        if (!answer.path("content").isArray()) {
            throw new ProviderUnavailableException(name(), "reply without content: " + excerpt(answer.toString()), true, null);
        }
        String stop = answer.path("stop_reason").asText("");
        JsonNode input = null;
        StringBuilder text = new StringBuilder();
        for (JsonNode block : answer.path("content")) {
            if (block.path("type").asText().equals("tool_use") && block.path("name").asText().equals(schemaName)) {
                input = block.path("input");
            } else if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        String document = input == null ? text.toString() : input.isTextual() ? input.asText() : input.toString();
        String refusal = stop.equals("refusal") ? (text.isEmpty() ? "stop_reason refusal" : text.toString()) : null;
        return new Answer(document, stop.equals("max_tokens"), refusal, answer.path("usage").path("input_tokens").asInt(0),
                answer.path("usage").path("output_tokens").asInt(0));
    }
}
