package io.cutline.emulator;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The fal queue: {@code POST /fal/queue/{owner}/{app}/{path...}} (the full model id) → {@code
 * request_id} with status/response URLs under {@code {owner}/{app}} only (the subpath rule);
 * status answers 202 while IN_QUEUE/IN_PROGRESS and 200 when COMPLETED; the result is
 * {@code {"video":{"url"}}} or, for a failed run, a 422 with {@code detail}. {@code Authorization: Key}.
 * The platform API's {@code GET /fal/api/v1/models/requests/by-endpoint} lists requests with their
 * {@code json_input}, which is how a client finds a submission whose reply it lost.
 */
final class FalEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "fal";
    static final String QUEUE = "/fal/queue";
    static final String PLATFORM = "/fal/api";
    private static final ErrorStyle ERRORS = ErrorStyle.of(FalEmulation::error,
            new Reply(422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"Invalid JSON\",\"type\":\"value_error\"}]}"));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.getWithRegex(QUEUE + "/([^/]+)/([^/]+)/requests/([^/]+)/status").handler(call -> context.admit(call, PROVIDER + "-poll",
                authorized(call, context), ERRORS).ifPresent(opened -> status(call, context, opened.fault())));
        router.getWithRegex(QUEUE + "/([^/]+)/([^/]+)/requests/([^/]+)").handler(call -> result(call, context));
        router.postWithRegex(QUEUE + "/(.+)").handler(call -> context.open(call, PROVIDER, authorized(call, context), ERRORS,
                FalEmulation::pathUnknown).ifPresent(opened -> submit(call, context, opened)));
        router.get(PLATFORM + "/v1/models/requests/by-endpoint").handler(call -> byEndpoint(call, context));
    }

    private void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode input = opened.body();
        String modelId = call.pathParam("param0");
        String[] segments = modelId.split("/");
        String duration = input.path("duration").asText("5").replace("s", "");
        if (input.path("prompt").asText("").isBlank() || !duration.matches("\\d+")) {
            EmulatorContext.json(call, 422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"field required\",\"type\":\"missing\"}]}");
            return;
        }
        int[] size = Shapes.size(input.path("aspect_ratio").asText("16:9"), input.path("resolution").asText("720p"));
        VideoTask task = context.tasks().submit(PROVIDER, modelId + "|" + input, modelId, size[0], size[1], Double.parseDouble(duration), fault);
        String app = context.baseUrl() + QUEUE + "/" + segments[0] + "/" + segments[1] + "/requests/" + task.id;
        ObjectNode answer = context.json().createObjectNode().put("status", "IN_QUEUE").put("request_id", task.id)
                .put("response_url", app).put("status_url", app + "/status").put("cancel_url", app + "/cancel").put("queue_position", 0);
        String body = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"request_id\":" : answer.toString();
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, body));
    }

    private void status(RoutingContext call, EmulatorContext context, Optional<Fault> fault) {
        Optional<VideoTask> task = context.tasks().find(PROVIDER, call.pathParam("param2"));
        if (task.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "Request not found"));
            return;
        }
        VideoTask.State state = context.tasks().poll(task.get());
        ObjectNode answer = context.json().createObjectNode().put("request_id", task.get().id);
        switch (state) {
            case QUEUED -> answer.put("status", "IN_QUEUE").put("queue_position", 0);
            case RUNNING -> answer.put("status", "IN_PROGRESS").putNull("logs");
            case SUCCEEDED -> answer.put("status", "COMPLETED").putNull("logs").putObject("metrics").put("inference_time", 1.0);
            case FAILED -> answer.put("status", "COMPLETED").putNull("logs").put("error", "Runner disconnected")
                    .put("error_type", "runner_disconnected");
        }
        int code = state == VideoTask.State.SUCCEEDED || state == VideoTask.State.FAILED ? 200 : 202;
        EmulatorContext.json(call, code, Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"status\":" : answer.toString());
    }

    private void result(RoutingContext call, EmulatorContext context) {
        if (!authorized(call, context)) {
            EmulatorContext.json(call, 401, error(401, "No user found for Key ID and Secret"));
            return;
        }
        Optional<VideoTask> task = context.tasks().find(PROVIDER, call.pathParam("param2"));
        if (task.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "Request not found"));
            return;
        }
        VideoTask.State state = task.get().peek(Instant.now());
        if (state == VideoTask.State.FAILED) {
            call.response().putHeader("X-Fal-Error-Type", "runner_disconnected");
            EmulatorContext.json(call, 503, "{\"detail\":\"Runner disconnected\",\"error_type\":\"runner_disconnected\"}");
        } else if (state != VideoTask.State.SUCCEEDED) {
            EmulatorContext.json(call, 400, error(400, "Request is still in progress"));
        } else {
            ObjectNode answer = context.json().createObjectNode();
            answer.putObject("video").put("url", context.videoUrl(task.get())).put("content_type", "video/mp4")
                    .put("file_name", "output.mp4");
            EmulatorContext.json(call, 200, answer.toString());
        }
    }

    private void byEndpoint(RoutingContext call, EmulatorContext context) {
        if (!authorized(call, context)) {
            EmulatorContext.json(call, 401, error(401, "No user found for Key ID and Secret"));
            return;
        }
        String endpoint = call.queryParams().get("endpoint_id");
        Instant start = call.queryParams().get("start") == null ? Instant.EPOCH : Instant.parse(call.queryParams().get("start"));
        ObjectNode answer = context.json().createObjectNode();
        ArrayNode items = answer.putArray("items");
        for (VideoTask task : context.tasks().list(PROVIDER)) {
            if (task.marker.equals(endpoint) && !task.created.isBefore(start)) {
                ObjectNode item = items.addObject().put("request_id", task.id).put("endpoint_id", endpoint)
                        .put("sent_at", task.created.toString());
                try {
                    item.set("json_input", context.json().readTree(task.input.substring(task.input.indexOf('|') + 1)));
                } catch (Exception e) {
                    item.putNull("json_input");
                }
            }
        }
        answer.put("has_more", false);
        EmulatorContext.json(call, 200, answer.toString());
    }

    /** A model id is at least {@code owner/app}: a shorter path is not found. */
    private static Optional<Reply> pathUnknown(RoutingContext call) {
        String modelId = call.pathParam("param0");
        return modelId.split("/").length < 2 ? Optional.of(new Reply(404, error(404, "Path /" + modelId + " not found"))) : Optional.empty();
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return ("Key " + context.apiKey()).equals(call.request().getHeader("Authorization"));
    }

    static String error(int status, String message) {
        return "{\"detail\":\"" + message + "\"}";
    }
}
