package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A provider that exists only in the tests, to show what adding one takes: {@code POST /acme/v1/clips}
 * {@code {prompt, seconds, width, height}} → {@code {"id"}}; {@code GET /acme/v1/clips/{id}} →
 * {@code {"status": "queued|rendering|done|failed", "video"}}. Bearer key.
 */
public final class AcmeEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "acme";
    private static final ErrorStyle ERRORS = ErrorStyle.of((status, message) -> "{\"message\":\"" + message + "\"}",
            new Reply(400, "{\"message\":\"invalid JSON\"}"));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/acme/v1/clips").handler(call -> context.open(call, PROVIDER, authorized(call, context), ERRORS)
                .ifPresent(opened -> submit(call, context, opened)));
        router.get("/acme/v1/clips/:id").handler(call -> context.admit(call, PROVIDER + "-poll", authorized(call, context), ERRORS)
                .ifPresent(opened -> poll(call, context)));
    }

    private static void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        JsonNode request = opened.body();
        if (request.path("prompt").asText("").isBlank() || !request.path("seconds").isInt()) {
            EmulatorContext.json(call, 400, "{\"message\":\"prompt and whole seconds are required\"}");
            return;
        }
        VideoTask task = context.tasks().submit(PROVIDER, request.toString(), null, request.path("width").asInt(720),
                request.path("height").asInt(1280), request.path("seconds").asInt(), opened.fault());
        context.finish(call, opened.fault(), () -> EmulatorContext.json(call, 201, "{\"id\":\"" + task.id + "\"}"));
    }

    private static void poll(RoutingContext call, EmulatorContext context) {
        Optional<VideoTask> found = context.tasks().find(PROVIDER, call.pathParam("id"));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 404, "{\"message\":\"no such clip\"}");
            return;
        }
        VideoTask task = found.get();
        String answer = switch (context.tasks().poll(task)) {
            case QUEUED -> "{\"status\":\"queued\"}";
            case RUNNING -> "{\"status\":\"rendering\"}";
            case SUCCEEDED -> "{\"status\":\"done\",\"video\":\"" + context.videoUrl(task) + "\"}";
            case FAILED -> "{\"status\":\"failed\",\"reason\":\"render failed\"}";
        };
        EmulatorContext.json(call, 200, answer);
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }
}
