package io.cutline.emulator;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Veo through the Gemini API: {@code POST /v1beta/models/{model}:predictLongRunning} → an operation
 * name; {@code GET /v1beta/models/{model}/operations/{id}} → {@code done} and the generated sample's
 * {@code video.uri} (a {@code /files/{id}:download} URL, downloaded with the key). Key in
 * {@code x-goog-api-key}. Errors in the google.rpc shape.
 */
final class VeoEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "veo";
    private static final ErrorStyle ERRORS = ErrorStyle.of(VeoEmulation::error, new Reply(400, error(400, "Invalid JSON payload received.")));
    /** predictLongRunning answers a key it does not take with 400 (an unauthorized fault is still 401). */
    private static final ErrorStyle SUBMIT_ERRORS = ERRORS.withBadKey(new Reply(400, error(400, "API key not valid. Please pass a valid API key.")));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.postWithRegex("/v1beta/models/([^/:]+):predictLongRunning").handler(call -> context.open(call, PROVIDER,
                authorized(call, context), SUBMIT_ERRORS).ifPresent(opened -> submit(call, context, opened)));
        router.getWithRegex("/v1beta/models/([^/]+)/operations/([^/]+)").handler(call -> context.admit(call, PROVIDER + "-poll",
                authorized(call, context), ERRORS).ifPresent(opened -> poll(call, context, opened.fault())));
        router.getWithRegex("/v1beta/files/([^/:]+):download").handler(call -> download(call, context));
    }

    private void submit(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        JsonNode parameters = request.path("parameters");
        if (request.path("instances").path(0).path("prompt").asText("").isBlank() || !parameters.path("durationSeconds").isNumber()) {
            EmulatorContext.json(call, 400, error(400, "instances[0].prompt and parameters.durationSeconds are required"));
            return;
        }
        JsonNode image = request.path("instances").path(0).path("image");
        if (!image.isMissingNode() && (!image.path("mimeType").asText("").startsWith("image/")
                || !EmulatorContext.isImage(image.path("bytesBase64Encoded").asText("")))) {
            EmulatorContext.json(call, 400, error(400, "instances[0].image needs bytesBase64Encoded (an image) and mimeType"));
            return;
        }
        if (parameters.has("seed")) {
            EmulatorContext.json(call, 400, error(400, "seed parameter is not supported in Gemini API."));
            return;
        }
        int[] size = Shapes.size(parameters.path("aspectRatio").asText("16:9"), parameters.path("resolution").asText("720p"));
        String model = call.pathParam("param0");
        VideoTask task = context.tasks().submit(PROVIDER, model + "|" + request, null, size[0], size[1],
                parameters.path("durationSeconds").asDouble(), fault);
        String answer = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"name\":"
                : "{\"name\":\"models/" + model + "/operations/" + task.id + "\"}";
        context.finish(call, fault, () -> EmulatorContext.json(call, 200, answer));
    }

    private void poll(RoutingContext call, EmulatorContext context, Optional<Fault> fault) {
        String name = "models/" + call.pathParam("param0") + "/operations/" + call.pathParam("param1");
        Optional<VideoTask> task = context.tasks().find(PROVIDER, call.pathParam("param1"));
        if (task.isEmpty()) {
            EmulatorContext.json(call, 404, error(404, "Operation not found: " + name));
            return;
        }
        VideoTask.State state = context.tasks().poll(task.get());
        ObjectNode answer = context.json().createObjectNode().put("name", name);
        if (state == VideoTask.State.SUCCEEDED) {
            answer.put("done", true).putObject("response")
                    .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse")
                    .putObject("generateVideoResponse").putArray("generatedSamples").addObject().putObject("video")
                    .put("uri", context.baseUrl() + "/v1beta/files/" + task.get().id + ":download?alt=media");
        } else if (state == VideoTask.State.FAILED) {
            answer.put("done", true).putObject("error").put("code", 13).put("message", "Video generation failed");
        } else {
            answer.put("done", false);
        }
        EmulatorContext.json(call, 200, Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"done\":" : answer.toString());
    }

    private void download(RoutingContext call, EmulatorContext context) {
        if (!authorized(call, context)) {
            EmulatorContext.json(call, 403, error(403, "The caller does not have permission"));
            return;
        }
        call.reroute("/emulator/media/" + call.pathParam("param0") + ".mp4");
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return context.apiKey().equals(call.request().getHeader("x-goog-api-key"));
    }

    static String error(int status, String message) {
        String code = switch (status) {
            case 429 -> "RESOURCE_EXHAUSTED";
            case 400, 401 -> "INVALID_ARGUMENT";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            default -> "INTERNAL";
        };
        return "{\"error\":{\"code\":" + (status == 401 ? 400 : status) + ",\"message\":\"" + message + "\",\"status\":\"" + code + "\"}}";
    }
}
