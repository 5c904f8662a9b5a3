package io.cutline.generation.clip;

import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;
import io.cutline.generation.ContentKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;

class LocalClipRendererTest {

    @Test
    void thePromptChoosesPaletteAndWords() {
        assertThat(LocalClipRenderer.palette("soft light; moon, orbit")).isEqualTo(LocalClipRenderer.palette("the MOON at night"));
        assertThat(LocalClipRenderer.palette("forest canopy")).isNotEqualTo(LocalClipRenderer.palette("desert heat"));
        assertThat(LocalClipRenderer.palette("an unmatched prompt")).hasSize(4).allMatch(color -> color.matches("0x[0-9a-f]{6}"));
        assertThat(LocalClipRenderer.subjectWords("slow cinematic style; moon, orbit, tides; scene 2 of 6"))
                .containsExactly("MOON", "ORBIT", "TIDES");
    }

    @Test
    void rendersEnoughFramesToCoverTheRequestAndNoAudio() {
        ClipRequest request = new ClipRequest("moon", 2.01, 720, 1280, 30, 7);
        assertThat(LocalClipRenderer.frames(request)).isEqualTo(61);
        assertThat(LocalClipRenderer.frames(new ClipRequest("moon", 2.0, 720, 1280, 30, 7))).isEqualTo(60);
        List<String> args = renderer().arguments(request, "words.txt", "DejaVu Sans", "out.mp4");
        assertThat(args).containsSequence("-frames:v", "61").contains("-an").endsWith("out.mp4");
        assertThat(String.join(" ", args)).contains("textfile=words.txt:expansion=none:font=DejaVu Sans").doesNotContain("moon");
        assertThat(renderer().arguments(request, null, null, "out.mp4")).noneMatch(arg -> arg.contains("drawtext"));
    }

    @Test
    void theContentKeyChangesWithAnythingThatChangesTheClip() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ClipRequest request = new ClipRequest("moon", 2.0, 720, 1280, 30, 7);
        String key = ContentKey.of("local", "v1", request, json);
        assertThat(key).hasSize(64).isEqualTo(ContentKey.of("local", "v1", new ClipRequest("moon", 2.0, 720, 1280, 30, 7), json));
        assertThat(ContentKey.of("local", "v2", request, json)).isNotEqualTo(key);
        assertThat(ContentKey.of("local", "v1", new ClipRequest("moon", 2.5, 720, 1280, 30, 7), json)).isNotEqualTo(key);
        assertThat(request.aspectRatio()).isEqualTo("9:16");
    }

    private static LocalClipRenderer renderer() {
        return new LocalClipRenderer(new ProviderSettings("local", "cutline.generation.local", Map.of("model", "m", "durations", "any")),
                new AdapterKit(null, null, null, null, null, null));
    }
}
