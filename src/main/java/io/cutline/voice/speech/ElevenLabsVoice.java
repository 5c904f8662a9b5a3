package io.cutline.voice.speech;

import io.cutline.provider.AdapterKit;

import io.cutline.model.WordTiming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.media.MediaStore;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.ProviderUnavailableException;

/**
 * ElevenLabs text to speech with timestamps: {@code POST /v1/text-to-speech/{voice}/with-timestamps},
 * key in {@code xi-api-key}. The reply carries the audio (base64 MP3) and a per-character alignment,
 * which becomes the word timings.
 */
public class ElevenLabsVoice implements VoiceProvider {

    private final HttpGateway http;
    private final ProviderSettings settings;
    private final String outputFormat;
    private final ObjectMapper json;

    /** {@code output-format}: the audio ElevenLabs returns, e.g. {@code mp3_44100_128}. */
    public ElevenLabsVoice(ProviderSettings settings, AdapterKit kit) {
        this.http = kit.http();
        this.settings = settings;
        this.outputFormat = settings.text("output-format");
        this.json = kit.json();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String audioExtension() {
        return "mp3";
    }

    @Override
    public List<WordTiming> synthesize(Channel.Voice voice, String language, String text, Path target) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("text", text);
        request.put("model_id", settings.model());
        request.put("language_code", language.split("-")[0]);
        HttpGateway.Reply reply;
        try {
            reply = http.send(name(), HttpGateway.Call.json("POST",
                    settings.url("/v1/text-to-speech/" + voice.name() + "/with-timestamps?output_format=" + outputFormat),
                    Map.of("xi-api-key", settings.apiKey(), "Accept", "application/json"), json.writeValueAsString(request)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProviderErrors.check(name(), reply);
        JsonNode body;
        byte[] audio;
        List<WordTiming> words;
        try {
            body = json.readTree(reply.body());
            audio = Base64.getDecoder().decode(body.path("audio_base64").asText(""));
            JsonNode alignment = body.path("alignment");
            words = WordTimings.fromCharacters(strings(alignment.path("characters")),
                    numbers(alignment.path("character_start_times_seconds")), numbers(alignment.path("character_end_times_seconds")));
        } catch (IOException | IllegalArgumentException e) {
            throw new ProviderUnavailableException(name(), "unusable reply: " + e.getMessage(), true, e);
        }
        if (audio.length == 0 || words.isEmpty()) {
            throw new ProviderUnavailableException(name(), "unusable reply: no audio or no alignment", true, null);
        }
        MediaStore.writeWhole(target, audio);
        return words;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> {
            if (!value.isNumber()) {
                throw new IllegalArgumentException("alignment time is not a number: " + value);
            }
            values.add(value.asDouble());
        });
        return values;
    }
}
