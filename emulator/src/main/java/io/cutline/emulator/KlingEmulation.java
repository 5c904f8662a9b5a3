package io.cutline.emulator;

import java.util.Optional;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Kling: {@code POST /v1/videos/text2video} with a Bearer JWT (HS256, signed with the secret key,
 * {@code iss} = access key) → {@code {"code":0,"data":{"task_id",...}}}; {@code GET
 * /v1/videos/text2video/{id}} takes the task id or the client's {@code external_task_id}. Errors are
 * HTTP status plus {@code {"code","message","request_id"}} with Kling's service codes.
 */
final class KlingEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "kling";
    private static final String BASE = "/v1/videos/text2video";
    private static final ErrorStyle ERRORS = ErrorStyle.of(KlingEmulation::error, new Reply(400, error(400, "invalid JSON")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post(BASE).handler(call -> context.open(call, PROVIDER, authorized(call, context), ERRORS)
                .ifPresent(opened -> submit(call, context, opened)));
        router.get(BASE + "/:id").handler(call -> context.admit(call, PROVIDER + "-poll", authorized(call, context), ERRORS)
                .ifPresent(opened -> poll(call, context, opened.fault())));
    }

    private void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        String duration = request.path("duration").asText("5");
        if (request.path("prompt").asText("").isBlank() || !duration.matches("\\d+")) {
            EmulatorContext.json(call, 400, error(400, "prompt and duration are required"));
            return;
        }
        String external = request.path("external_task_id").asText(null);
        if (external != null && context.tasks().list(PROVIDER).stream().anyMatch(task -> external.equals(task.marker))) {
            EmulatorContext.json(call, 400, error(400, "external_task_id " + external + " already exists"));
            return;
        }
        int[] size = Shapes.size(request.path("aspect_ratio").asText("16:9"), "720p");
        VideoTask task = context.tasks().submit(PROVIDER, request.toString(), external, size[0], size[1], Double.parseDouble(duration), fault);
        String answer = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"code\":0,\"data\":"
                : envelope(context, task, VideoTask.State.QUEUED).toString();
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer));
    }

    private void poll(RoutingContext call, EmulatorContext context, Optional<Fault> fault) {
        String id = call.pathParam("id");
        Optional<VideoTask> task = context.tasks().find(PROVIDER, id)
                .or(() -> context.tasks().list(PROVIDER).stream().filter(candidate -> id.equals(candidate.marker)).findFirst());
        if (task.isEmpty()) {
            EmulatorContext.json(call, 404, "{\"code\":1203,\"message\":\"task not found\",\"request_id\":\"emulated\"}");
            return;
        }
        EmulatorContext.json(call, 200, Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"code\":"
                : envelope(context, task.get(), context.tasks().poll(task.get())).toString());
    }

    private static ObjectNode envelope(EmulatorContext context, VideoTask task, VideoTask.State state) {
        ObjectNode answer = context.json().createObjectNode().put("code", 0).put("message", "SUCCEED").put("request_id", "emulated");
        ObjectNode data = answer.putObject("data").put("task_id", task.id).put("created_at", task.created.toEpochMilli())
                .put("updated_at", System.currentTimeMillis());
        data.putObject("task_info").put("external_task_id", task.marker);
        switch (state) {
            case QUEUED -> data.put("task_status", "submitted");
            case RUNNING -> data.put("task_status", "processing");
            case SUCCEEDED -> {
                data.put("task_status", "succeed").put("task_status_msg", "");
                data.putObject("task_result").putArray("videos").addObject().put("id", task.id).put("url", context.videoUrl(task))
                        .put("duration", String.valueOf(task.seconds));
            }
            case FAILED -> data.put("task_status", "failed").put("task_status_msg", "generation failed");
        }
        return answer;
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        String header = call.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        try {
            JWT.require(Algorithm.HMAC256(context.apiKey())).acceptLeeway(5).build().verify(header.substring(7));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String error(int status, String message) {
        int code = switch (status) {
            case 401 -> 1004;
            case 429 -> 1302;
            case 400 -> 1201;
            default -> 5000;
        };
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"emulated\"}";
    }
}
