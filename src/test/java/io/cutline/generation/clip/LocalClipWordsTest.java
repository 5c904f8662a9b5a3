package io.cutline.generation.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cutline.config.ProviderSettings;
import io.cutline.media.Fonts;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.AdapterKit;
import io.cutline.support.Probe;
import io.cutline.support.TextInk;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local renderer draws a prompt's subject words as written, in a font that has their glyphs.
 * Hebrew and Arabic words are drawn over the same background as a clip of the same request without
 * words; where the two first frames differ is as wide as the widest word set by Java's own text
 * engine in DejaVu Sans, the configured font that has the glyphs (DejaVu Serif, preferred, has not).
 */
class LocalClipWordsTest {

    private static final int WIDTH = 240;
    private static final int HEIGHT = 320;

    @TempDir
    Path dir;

    @Test
    void hebrewAndArabicSubjectWordsAreDrawnInAFontThatHasThem() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.start();
        try {
            ToolRunner tools = new ToolRunner(camel.createProducerTemplate(), Map.of(Tool.FFMPEG, "ffmpeg"), 60_000);
            LocalClipRenderer renderer = new LocalClipRenderer(new ProviderSettings("local", "cutline.generation.local",
                    Map.of("model", "m", "durations", "any")), new AdapterKit(null, null, null, tools, null,
                    new Fonts(List.of("DejaVu Serif", "DejaVu Sans"))));
            String prompt = "moon glow; שלום مرحبا";
            assertThat(LocalClipRenderer.subjectWords(prompt)).containsExactly("שלום", "مرحبا");
            renderer.generate(new ClipRequest(prompt, 0.1, WIDTH, HEIGHT, 10, 7), dir.resolve("words.mp4"));
            renderer.generate(new ClipRequest("moon glow; 12 34", 0.1, WIDTH, HEIGHT, 10, 7), dir.resolve("plain.mp4"));

            byte[] words = Probe.grayFrame(dir.resolve("words.mp4"), 0, null, WIDTH, HEIGHT);
            byte[] plain = Probe.grayFrame(dir.resolve("plain.mp4"), 0, null, WIDTH, HEIGHT);
            byte[] difference = new byte[words.length];
            for (int i = 0; i < words.length; i++) {
                difference[i] = (byte) Math.abs((words[i] & 0xff) - (plain[i] & 0xff));
            }
            TextInk.Box drawn = TextInk.of(difference, WIDTH, HEIGHT, 16);
            int fontSize = Math.max(24, Math.min(WIDTH, HEIGHT) / 8);
            int expected = TextInk.referenceWidth("שלום\nمرحبا", "DejaVu Sans", Font.PLAIN, fontSize);
            assertThat(drawn.top()).as("words start about 30%% down the frame").isCloseTo(HEIGHT * 3 / 10, within(12));
            assertThat(drawn.width()).isCloseTo(expected, within(4 + expected / 15));
        } finally {
            camel.stop();
        }
    }
}
