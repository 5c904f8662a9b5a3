package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * OpenAI-compatible speech {@code POST /v1/audio/speech}: Bearer key; JSON in; audio bytes out in
 * the {@code response_format} asked for (wav or mp3). Errors as OpenAI sends them:
 * {@code {"error": {"message", "type", "param", "code"}}}.
 */
final class OpenAiSpeechEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "openai";
    private static final ErrorStyle ERRORS = ErrorStyle.of(OpenAiSpeechEmulation::error,
            new Reply(400, error(400, "We could not parse the JSON body of your request")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/v1/audio/speech").blockingHandler(call -> context.open(call, PROVIDER, authorized(call, context), ERRORS)
                .ifPresent(opened -> handle(call, context, opened)), false);
    }

    private void handle(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        String input = request.path("input").asText("");
        if (input.isBlank() || request.path("model").asText("").isBlank() || request.path("voice").asText("").isBlank()) {
            EmulatorContext.json(call, 400, error(400, "model, input and voice are required"));
            return;
        }
        String format = request.path("response_format").asText("mp3");
        if (!format.equals("wav") && !format.equals("mp3")) {
            EmulatorContext.json(call, 400, error(400, "the emulator speaks wav and mp3 only"));
            return;
        }
        context.billing().bill(PROVIDER, request.path("model").asText() + "|" + request.path("voice").asText() + "|" + input);
        byte[] audio = Fault.is(fault, Fault.Kind.CORRUPT) || Fault.is(fault, Fault.Kind.MALFORMED)
                ? "RIFF but not really".getBytes() : SpeechSynth.speak(input, format);
        context.finish(call, fault, () -> call.response().putHeader("Content-Type", format.equals("wav") ? "audio/wav" : "audio/mpeg")
                .end(io.vertx.core.buffer.Buffer.buffer(audio)));
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }

    /** OpenAI's error for a status: a bad key (401) and a rate limit (429) in its own words, a 400 with {@code message}. */
    private static String error(int status, String message) {
        return switch (status) {
            case 401 -> body("invalid_request_error", "Incorrect API key provided", "invalid_api_key");
            case 429 -> body("requests", "Rate limit reached for requests", "rate_limit_exceeded");
            case 400 -> body("invalid_request_error", message, null);
            default -> body("server_error", "The server had an error while processing your request", null);
        };
    }

    private static String body(String type, String message, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }
}
