package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The two LLM protocols, answering with a document of the requested schema made from the prompt's
 * facts ({@link SchemaAnswer}):
 * <ul>
 *   <li>OpenAI Chat Completions {@code POST /v1/chat/completions} (provider {@value #OPENAI}): Bearer
 *       key; the schema from {@code response_format.json_schema.schema}; the document as a JSON string
 *       in {@code choices[0].message.content}, {@code finish_reason}, {@code message.refusal}, {@code
 *       usage.prompt_tokens/completion_tokens}; errors {@code {"error": {message, type, param, code}}}.</li>
 *   <li>Anthropic Messages {@code POST /v1/messages} (provider {@value #ANTHROPIC}): {@code x-api-key} or
 *       Bearer key, an {@code anthropic-version} header; the schema from the tool {@code tool_choice}
 *       names (its {@code input_schema}) or from {@code output_config.format.schema}; the document as
 *       that tool's {@code tool_use} input or as a text block, {@code stop_reason}, {@code
 *       usage.input_tokens/output_tokens}; errors {@code {"type": "error", "error": {type, message}}},
 *       529 {@code overloaded_error}.</li>
 * </ul>
 * Faults: MALFORMED (text that is not JSON), INVALID (JSON that breaks the schema), TRUNCATED
 * ({@code finish_reason: length}, {@code stop_reason: max_tokens}), REFUSAL, RATE_LIMIT (429 with
 * {@code retry-after}), SERVER_ERROR (500, or 529 for Anthropic's overload), LOST_REPLY, TIMEOUT (a slow answer).
 */
final class LlmEmulation implements ProviderEmulator.Emulation {

    static final String OPENAI = "openai-chat";
    static final String ANTHROPIC = "anthropic";

    private static final ErrorStyle OPENAI_ERRORS = ErrorStyle.of(LlmEmulation::openAiError,
            new Reply(400, openAiError(400, "We could not parse the JSON body of your request.")));
    private static final ErrorStyle ANTHROPIC_ERRORS = ErrorStyle.of(LlmEmulation::anthropicError,
            new Reply(400, anthropicError(400, "There was an issue with the format of your request: invalid JSON")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/v1/chat/completions").handler(call -> context.open(call, OPENAI,
                        ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization")), OPENAI_ERRORS)
                .ifPresent(opened -> openAi(call, context, opened)));
        router.post("/v1/messages").handler(call -> context.open(call, ANTHROPIC, anthropicKey(call, context), ANTHROPIC_ERRORS,
                        LlmEmulation::anthropicVersion)
                .ifPresent(opened -> anthropic(call, context, opened)));
    }

    private static void openAi(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        JsonNode request = opened.body();
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        String prompt = lastUserText(request.path("messages"));
        if (request.path("model").asText("").isBlank() || !request.path("messages").isArray() || prompt.isEmpty()) {
            EmulatorContext.json(call, 400, openAiError(400, "model and messages (with a user message) are required"));
            return;
        }
        if (!schema.isObject()) {
            EmulatorContext.json(call, 400, openAiError(400, "the emulator answers structured output only: response_format.json_schema"));
            return;
        }
        Optional<Fault> fault = opened.fault();
        context.billing().bill(OPENAI, request.toString());
        String document = document(context, schema, prompt, fault);
        ObjectNode answer = context.json().createObjectNode();
        answer.put("id", "chatcmpl-" + Long.toHexString(System.nanoTime()));
        answer.put("object", "chat.completion");
        answer.put("created", System.currentTimeMillis() / 1000);
        answer.put("model", request.path("model").asText());
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (Fault.is(fault, Fault.Kind.REFUSAL)) {
            message.putNull("content");
            message.put("refusal", "I'm sorry, I can't help with that request.");
        } else {
            message.put("content", document);
            message.putNull("refusal");
        }
        choice.put("finish_reason", Fault.is(fault, Fault.Kind.TRUNCATED) ? "length" : "stop");
        choice.putNull("logprobs");
        usage(answer.putObject("usage"), "prompt_tokens", "completion_tokens", request.toString(), document)
                .put("total_tokens", tokens(request.toString()) + tokens(document));
        answer.put("system_fingerprint", "fp_emulator");
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer.toString()));
    }

    private static void anthropic(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        JsonNode request = opened.body();
        String prompt = lastUserText(request.path("messages"));
        if (request.path("model").asText("").isBlank() || !request.path("max_tokens").isInt() || prompt.isEmpty()) {
            EmulatorContext.json(call, 400, anthropicError(400, "model, max_tokens and messages (with a user message) are required"));
            return;
        }
        String toolName = request.path("tool_choice").path("name").asText("");
        JsonNode schema = request.path("output_config").path("format").path("schema");
        for (JsonNode tool : request.path("tools")) {
            if (tool.path("name").asText().equals(toolName)) {
                schema = tool.path("input_schema");
            }
        }
        if (!schema.isObject()) {
            EmulatorContext.json(call, 400, anthropicError(400,
                    "the emulator answers structured output only: a forced tool (tool_choice) or output_config.format"));
            return;
        }
        Optional<Fault> fault = opened.fault();
        context.billing().bill(ANTHROPIC, request.toString());
        String document = document(context, schema, prompt, fault);
        ObjectNode answer = context.json().createObjectNode();
        answer.put("id", "msg_" + Long.toHexString(System.nanoTime()));
        answer.put("type", "message");
        answer.put("role", "assistant");
        answer.put("model", request.path("model").asText());
        ArrayNode content = answer.putArray("content");
        String stop = toolName.isEmpty() ? "end_turn" : "tool_use";
        if (Fault.is(fault, Fault.Kind.REFUSAL)) {
            content.addObject().put("type", "text").put("text", "I can't help with that request.");
            stop = "refusal";
        } else if (toolName.isEmpty()) {
            content.addObject().put("type", "text").put("text", document);
        } else {
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_" + Long.toHexString(System.nanoTime()))
                    .put("name", toolName);
            if (Fault.is(fault, Fault.Kind.MALFORMED)) {
                use.put("input", document);
            } else if (Fault.is(fault, Fault.Kind.TRUNCATED)) {
                use.putObject("input");
            } else {
                use.set("input", readTree(context, document));
            }
        }
        answer.put("stop_reason", Fault.is(fault, Fault.Kind.TRUNCATED) ? "max_tokens" : stop);
        answer.putNull("stop_sequence");
        usage(answer.putObject("usage"), "input_tokens", "output_tokens", request.toString(), document);
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer.toString()));
    }

    /** The document as the model writes it: valid, or broken as the fault says. */
    private static String document(EmulatorContext context, JsonNode schema, String prompt, Optional<Fault> fault) {
        ObjectNode document = SchemaAnswer.answer(context.json(), schema, prompt);
        String text = Fault.is(fault, Fault.Kind.INVALID) ? SchemaAnswer.violating(document, schema).toString() : document.toString();
        if (Fault.is(fault, Fault.Kind.MALFORMED)) {
            return "Sure! Here is the document: " + text.substring(0, text.length() / 2) + ",,}";
        }
        if (Fault.is(fault, Fault.Kind.TRUNCATED)) {
            return text.substring(0, text.length() / 3);
        }
        return text;
    }

    private static JsonNode readTree(EmulatorContext context, String text) {
        try {
            return context.json().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode usage(ObjectNode usage, String input, String output, String request, String answer) {
        return usage.put(input, tokens(request)).put(output, tokens(answer));
    }

    /** About four characters a token, as for English text. */
    private static int tokens(String text) {
        return Math.max(1, text.length() / 4);
    }

    private static String lastUserText(JsonNode messages) {
        String text = "";
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("user")) {
                JsonNode content = message.path("content");
                if (content.isTextual()) {
                    text = content.asText();
                } else {
                    StringBuilder blocks = new StringBuilder();
                    content.forEach(block -> blocks.append(block.path("text").asText("")));
                    text = blocks.toString();
                }
            }
        }
        return text;
    }

    private static boolean anthropicKey(RoutingContext call, EmulatorContext context) {
        return context.apiKey().equals(call.request().getHeader("x-api-key"))
                || ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }

    private static Optional<Reply> anthropicVersion(RoutingContext call) {
        String version = call.request().getHeader("anthropic-version");
        return version != null && version.matches("\\d{4}-\\d{2}-\\d{2}") ? Optional.empty()
                : Optional.of(new Reply(400, anthropicError(400, "anthropic-version: header is required")));
    }

    private static String openAiError(int status, String message) {
        return switch (status) {
            case 401 -> openAiBody("invalid_request_error", "Incorrect API key provided", "invalid_api_key");
            case 429 -> openAiBody("requests", "Rate limit reached for requests", "rate_limit_exceeded");
            case 400 -> openAiBody("invalid_request_error", message, null);
            default -> openAiBody("server_error", "The server had an error while processing your request", null);
        };
    }

    private static String openAiBody(String type, String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    private static String anthropicError(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        String text = switch (status) {
            case 401 -> "invalid x-api-key";
            case 429 -> "Number of request tokens has exceeded your per-minute rate limit";
            case 529 -> "Overloaded";
            case 400 -> message;
            default -> "Internal server error";
        };
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + text + "\"},\"request_id\":\"req_emulator\"}";
    }
}
