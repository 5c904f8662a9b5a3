package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Runway {@code POST /v1/text_to_video} → {@code {"id"}}; {@code GET /v1/tasks/{id}} →
 * PENDING/RUNNING/SUCCEEDED ({@code output[]})/FAILED ({@code failure}). Bearer key and the
 * {@code X-Runway-Version} header are required. No way to find a task but by its id.
 */
final class RunwayEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "runway";
    private static final ErrorStyle ERRORS = ErrorStyle.of(RunwayEmulation::error, new Reply(400, error(400, "invalid JSON")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/v1/text_to_video").handler(call -> open(call, context).ifPresent(opened -> submit(call, context, opened, false)));
        router.post("/v1/image_to_video").handler(call -> open(call, context).ifPresent(opened -> submit(call, context, opened, true)));
        router.get("/v1/tasks/:id").handler(call -> context.admit(call, PROVIDER + "-poll", authorized(call, context), ERRORS)
                .ifPresent(opened -> poll(call, context, opened.fault())));
    }

    private static Optional<OpenedRequest> open(RoutingContext call, EmulatorContext context) {
        return context.open(call, PROVIDER, authorized(call, context), ERRORS, RunwayEmulation::versionMissing);
    }

    private void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened, boolean fromImage) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        String ratio = request.path("ratio").asText("");
        if (request.path("promptText").asText("").isBlank() || !ratio.matches("\\d+:\\d+") || !request.path("duration").isInt()) {
            EmulatorContext.json(call, 400, error(400, "promptText, ratio (W:H) and an integer duration are required"));
            return;
        }
        String image = request.path("promptImage").asText("");
        boolean imageOk = image.startsWith("https://")
                || image.matches("data:image/(png|jpeg|webp);base64,.*") && EmulatorContext.isImage(image.substring(image.indexOf(',') + 1));
        if (!fromImage && !image.isEmpty()) {
            EmulatorContext.json(call, 400, error(400, "promptImage is not a text_to_video parameter"));
            return;
        }
        if (fromImage && !imageOk) {
            EmulatorContext.json(call, 400, error(400, "promptImage must be an HTTPS URL or a data:image/...;base64 URI of an image"));
            return;
        }
        String[] size = ratio.split(":");
        VideoTask task = context.tasks().submit(PROVIDER, request.toString(), null, Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                request.path("duration").asInt(), fault);
        String answer = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"id\": " : "{\"id\":\"" + task.id + "\"}";
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer));
    }

    private void poll(RoutingContext call, EmulatorContext context, Optional<Fault> fault) {
        Optional<VideoTask> found = context.tasks().find(PROVIDER, call.pathParam("id"));
        if (found.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "task not found"));
            return;
        }
        VideoTask task = found.get();
        VideoTask.State state = context.tasks().poll(task);
        ObjectNode answer = context.json().createObjectNode().put("id", task.id).put("createdAt", task.created.toString());
        switch (state) {
            case QUEUED -> answer.put("status", "PENDING");
            case RUNNING -> answer.put("status", "RUNNING").put("progress", 0.5);
            case SUCCEEDED -> answer.put("status", "SUCCEEDED").putArray("output").add(context.videoUrl(task));
            case FAILED -> answer.put("status", "FAILED").put("failure", "The generation failed").put("failureCode", "INTERNAL");
        }
        EmulatorContext.json(call, 200, Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"status\":" : answer.toString());
    }

    /** Runway answers a request without {@code X-Runway-Version: 2024-11-06} with 400. */
    private static Optional<Reply> versionMissing(RoutingContext call) {
        return "2024-11-06".equals(call.request().getHeader("X-Runway-Version")) ? Optional.empty()
                : Optional.of(new Reply(400, error(400, "X-Runway-Version header is required")));
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }

    static String error(int status, String message) {
        return "{\"error\":\"" + message + "\"}";
    }
}
