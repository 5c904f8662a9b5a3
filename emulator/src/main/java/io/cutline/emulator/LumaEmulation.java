package io.cutline.emulator;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Luma Dream Machine: {@code POST /dream-machine/v1/generations/video} (and the older
 * {@code /generations}) → 201 with the Generation; {@code GET /generations/{id}}; and
 * {@code GET /generations?limit=&offset=}, newest first, each Generation echoing its {@code request}
 * (where a client can find its {@code callback_url} marker after losing a reply).
 */
final class LumaEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "luma";
    private static final String BASE = "/dream-machine/v1/generations";
    private static final ErrorStyle ERRORS = ErrorStyle.of(LumaEmulation::error, new Reply(400, error(400, "invalid JSON")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post(BASE + "/video").handler(call -> open(call, context).ifPresent(opened -> submit(call, context, opened)));
        router.post(BASE).handler(call -> open(call, context).ifPresent(opened -> submit(call, context, opened)));
        router.get(BASE).handler(call -> list(call, context));
        router.get(BASE + "/:id").handler(call -> context.admit(call, PROVIDER + "-poll", authorized(call, context), ERRORS)
                .ifPresent(opened -> poll(call, context, opened.fault())));
    }

    private static Optional<OpenedRequest> open(RoutingContext call, EmulatorContext context) {
        return context.open(call, PROVIDER, authorized(call, context), ERRORS);
    }

    private void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        String duration = request.path("duration").asText("5s");
        if (request.path("prompt").asText("").isBlank() || !duration.matches("\\d+s")) {
            EmulatorContext.json(call, 400, error(400, "prompt and duration (e.g. \\\"5s\\\") are required"));
            return;
        }
        int[] size = Shapes.size(request.path("aspect_ratio").asText("16:9"), request.path("resolution").asText("720p"));
        VideoTask task = context.tasks().submit(PROVIDER, request.toString(), request.path("callback_url").asText(null), size[0], size[1],
                Double.parseDouble(duration.replace("s", "")), fault);
        String answer = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"id\":" : generation(context, task, VideoTask.State.QUEUED).toString();
        context.finish(call, fault, () -> EmulatorContext.json(call, 201, answer));
        context.callWhenReady(task, task.marker, () -> generation(context, task, task.peek(java.time.Instant.now())).toString());
    }

    private void poll(RoutingContext call, EmulatorContext context, Optional<Fault> fault) {
        Optional<VideoTask> task = context.tasks().find(PROVIDER, call.pathParam("id"));
        if (task.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "Generation not found"));
            return;
        }
        EmulatorContext.json(call, 200, Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"state\":"
                : generation(context, task.get(), context.tasks().poll(task.get())).toString());
    }

    private void list(RoutingContext call, EmulatorContext context) {
        if (!authorized(call, context)) {
            EmulatorContext.json(call, 401, error(401, "Invalid API key provided"));
            return;
        }
        int limit = Integer.parseInt(call.queryParams().get("limit") == null ? "10" : call.queryParams().get("limit"));
        int offset = Integer.parseInt(call.queryParams().get("offset") == null ? "0" : call.queryParams().get("offset"));
        List<VideoTask> all = context.tasks().list(PROVIDER);
        ObjectNode answer = context.json().createObjectNode();
        ArrayNode generations = answer.putArray("generations");
        all.stream().skip(offset).limit(limit)
                .forEach(task -> generations.add(generation(context, task, task.peek(java.time.Instant.now()))));
        answer.put("count", generations.size()).put("has_more", offset + limit < all.size()).put("limit", limit).put("offset", offset);
        EmulatorContext.json(call, 200, answer.toString());
    }

    private static ObjectNode generation(EmulatorContext context, VideoTask task, VideoTask.State state) {
        ObjectNode generation = context.json().createObjectNode().put("id", task.id).put("generation_type", "video")
                .put("created_at", task.created.toString()).put("model", "ray-2");
        ObjectNode assets = generation.putObject("assets");
        switch (state) {
            case QUEUED -> generation.put("state", "queued").putNull("failure_reason");
            case RUNNING -> generation.put("state", "dreaming").putNull("failure_reason");
            case SUCCEEDED -> {
                generation.put("state", "completed").putNull("failure_reason");
                assets.put("video", context.videoUrl(task));
            }
            case FAILED -> generation.put("state", "failed").put("failure_reason", "generation failed");
        }
        try {
            generation.set("request", context.json().readTree(task.input));
        } catch (Exception e) {
            generation.putNull("request");
        }
        return generation;
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return ("Bearer " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }

    static String error(int status, String message) {
        return "{\"detail\":\"" + message + "\"}";
    }
}
