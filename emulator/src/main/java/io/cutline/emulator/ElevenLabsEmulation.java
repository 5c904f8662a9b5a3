package io.cutline.emulator;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * ElevenLabs {@code POST /v1/text-to-speech/{voice}/with-timestamps}: key in {@code xi-api-key};
 * JSON in; JSON out with base64 MP3 and a character alignment spread over the real audio's length.
 * Errors as ElevenLabs sends them: {@code {"detail": {...}}} (401/429) or {@code {"detail": [...]}} (422).
 */
final class ElevenLabsEmulation implements ProviderEmulator.Emulation {

    static final String PROVIDER = "elevenlabs";
    private static final ErrorStyle ERRORS = ErrorStyle.of(ElevenLabsEmulation::error,
            new Reply(422, "{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"invalid JSON\",\"type\":\"value_error\"}]}"));

    @Override
    public void register(Router router, EmulatorContext context) {
        router.post("/v1/text-to-speech/:voice/with-timestamps").blockingHandler(call -> context.open(call, PROVIDER,
                authorized(call, context), ERRORS).ifPresent(opened -> handle(call, context, opened)), false);
    }

    private void handle(RoutingContext call, EmulatorContext context, OpenedRequest opened) {
        Optional<Fault> fault = opened.fault();
        JsonNode request = opened.body();
        String text = request.path("text").asText("");
        if (text.isBlank()) {
            EmulatorContext.json(call, 422,
                    "{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}");
            return;
        }
        context.billing().bill(PROVIDER, request.path("model_id").asText() + "|" + call.pathParam("voice") + "|" + text);
        byte[] audio = Fault.is(fault, Fault.Kind.CORRUPT) ? "not an mp3 at all".getBytes() : SpeechSynth.speak(text, "mp3");
        double seconds = Fault.is(fault, Fault.Kind.CORRUPT) ? 1 : SpeechSynth.seconds(audio, "mp3");
        String body;
        try {
            body = Fault.is(fault, Fault.Kind.MALFORMED) ? "{\"audio_base64\": \"" : context.json().writeValueAsString(answer(text, audio, seconds));
        } catch (Exception e) {
            call.fail(e);
            return;
        }
        context.finish(call, fault, () -> call.response().putHeader("Content-Type", "application/json").end(body));
    }

    /** The reply: audio, and each character's start and end, spread evenly over the speech. */
    static Map<String, Object> answer(String text, byte[] audio, double seconds) {
        List<String> characters = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        double step = seconds / Math.max(1, codePoints.length);
        for (int i = 0; i < codePoints.length; i++) {
            characters.add(new String(Character.toChars(codePoints[i])));
            starts.add(Math.round(i * step * 1000) / 1000.0);
            ends.add(Math.round((i + 1) * step * 1000) / 1000.0);
        }
        Map<String, Object> alignment = new LinkedHashMap<>();
        alignment.put("characters", characters);
        alignment.put("character_start_times_seconds", starts);
        alignment.put("character_end_times_seconds", ends);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("audio_base64", Base64.getEncoder().encodeToString(audio));
        answer.put("alignment", alignment);
        answer.put("normalized_alignment", alignment);
        return answer;
    }

    private static boolean authorized(RoutingContext call, EmulatorContext context) {
        return context.apiKey().equals(call.request().getHeader("xi-api-key"));
    }

    /** ElevenLabs words a failure by its status: a bad key (401), too many requests (429), or busy. */
    private static String error(int status, String message) {
        return switch (status) {
            case 401 -> "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}";
            case 429 -> "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many concurrent requests\"}}";
            default -> "{\"detail\":{\"status\":\"system_busy\",\"message\":\"System busy\"}}";
        };
    }
}
