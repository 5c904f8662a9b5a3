package io.cutline.media;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** The local media tools (FFmpeg, ffprobe, espeak-ng, run through camel-exec), the fonts text is drawn in, and the media store. */
public class MediaConfiguration implements CamelConfiguration {

    @BindToRegistry
    public ToolRunner toolRunner(CamelContext context, Settings settings) {
        return new ToolRunner(context.createProducerTemplate(), Map.of(
                Tool.FFMPEG, settings.text(Tool.FFMPEG.property()),
                Tool.FFPROBE, settings.text(Tool.FFPROBE.property()),
                Tool.ESPEAK, settings.text(Tool.ESPEAK.property())), settings.integer("cutline.tools.timeout-ms"));
    }

    @BindToRegistry
    public MediaProbe mediaProbe(ToolRunner tools, ObjectMapper json) {
        return new MediaProbe(tools, json);
    }

    @BindToRegistry
    public AudioAnalysis audioAnalysis(ToolRunner tools) {
        return new AudioAnalysis(tools);
    }

    @BindToRegistry
    public AudioDecoder audioDecoder(ToolRunner tools) {
        return new AudioDecoder(tools);
    }

    /** The font families text is set in, in order of preference (see {@link Fonts}). */
    @BindToRegistry
    public Fonts fonts(Settings settings) {
        List<String> families = Arrays.stream(settings.text("cutline.media.fonts").split(",")).map(String::strip)
                .filter(family -> !family.isEmpty()).toList();
        try {
            return new Fonts(families);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("property cutline.media.fonts: " + e.getMessage(), e);
        }
    }

    @BindToRegistry
    public MediaStore mediaStore(Settings settings) {
        return new MediaStore(settings.path("cutline.media.dir"));
    }
}
