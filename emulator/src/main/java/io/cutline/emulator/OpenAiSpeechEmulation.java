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

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/v1/audio/speech").blockingHandler(call -> handle(call, context), false);
    }

    private void handle(RoutingContext call, EmulatorContext context) {
        Optional<Fault> fault = context.begin(PROVIDER);
        if (!("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization")) || Fault.is(fault, Fault.Kind.UNAUTHORIZED)) {
            error(call, 401, "invalid_request_error", "Incorrect API key provided", "invalid_api_key");
            return;
        }
        if (Fault.is(fault, Fault.Kind.RATE_LIMIT)) {
            call.response().putHeader("Retry-After", String.valueOf(fault.get().retryAfterSeconds()));
            error(call, 429, "requests", "Rate limit reached for requests", "rate_limit_exceeded");
            return;
        }
        if (Fault.is(fault, Fault.Kind.SERVER_ERROR)) {
            error(call, fault.get().status(), "server_error", "The server had an error while processing your request", null);
            return;
        }
        JsonNode request;
        try {
            request = context.json().readTree(call.body().asString());
        } catch (Exception e) {
            error(call, 400, "invalid_request_error", "We could not parse the JSON body of your request", null);
            return;
        }
        String input = request.path("input").asText("");
        if (input.isBlank() || request.path("model").asText("").isBlank() || request.path("voice").asText("").isBlank()) {
            error(call, 400, "invalid_request_error", "model, input and voice are required", null);
            return;
        }
        String format = request.path("response_format").asText("mp3");
        if (!format.equals("wav") && !format.equals("mp3")) {
            error(call, 400, "invalid_request_error", "the emulator speaks wav and mp3 only", null);
            return;
        }
        context.billing().bill(PROVIDER, request.path("model").asText() + "|" + request.path("voice").asText() + "|" + input);
        byte[] audio = Fault.is(fault, Fault.Kind.CORRUPT) || Fault.is(fault, Fault.Kind.MALFORMED)
                ? "RIFF but not really".getBytes() : SpeechSynth.speak(input, format);
        context.finish(call, fault, () -> call.response().putHeader("Content-Type", format.equals("wav") ? "audio/wav" : "audio/mpeg")
                .end(io.vertx.core.buffer.Buffer.buffer(audio)));
    }

    private static void error(RoutingContext call, int status, String type, String message, String code) {
        String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
        call.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
