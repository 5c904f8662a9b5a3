package io.cutline.voice.speech;

import io.cutline.provider.AdapterKit;

import io.cutline.model.WordTiming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.media.MediaStore;
import io.cutline.provider.HttpGateway;
import io.cutline.provider.ProviderErrors;
import io.cutline.config.ProviderSettings;
import io.cutline.provider.ProviderUnavailableException;

/**
 * OpenAI-compatible speech: {@code POST {base}/audio/speech} with a Bearer key, answered with audio
 * bytes (WAV asked for). OpenAI is one such service (its tts models close on 2027-01-06); others
 * answer the same request at their own base URL. No word timings: they are estimated from the audio.
 */
public class OpenAiSpeechVoice implements VoiceProvider {

    private final HttpGateway http;
    private final ProviderSettings settings;
    private final ObjectMapper json;

    public OpenAiSpeechVoice(ProviderSettings settings, AdapterKit kit) {
        this.http = kit.http();
        this.settings = settings;
        this.json = kit.json();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String audioExtension() {
        return "wav";
    }

    @Override
    public List<WordTiming> synthesize(Channel.Voice voice, String language, String text, Path target) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", settings.model());
        request.put("input", text);
        request.put("voice", voice.name());
        request.put("response_format", "wav");
        if (voice.wordsPerMinute() != null) {
            request.put("speed", Math.max(0.25, Math.min(4.0, voice.wordsPerMinute() / 165.0)));
        }
        HttpGateway.Reply reply;
        try {
            reply = http.send(name(), HttpGateway.Call.json("POST", settings.url("/audio/speech"),
                    Map.of("Authorization", "Bearer " + settings.apiKey(), "Accept", "audio/wav"), json.writeValueAsString(request)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProviderErrors.check(name(), reply);
        if (reply.body().length == 0) {
            throw new ProviderUnavailableException(name(), "unusable reply: no audio", true, null);
        }
        MediaStore.writeWhole(target, reply.body());
        return List.of();
    }
}
