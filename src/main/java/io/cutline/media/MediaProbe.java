package io.cutline.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Measures media files with ffprobe; a file ffprobe cannot read is reported as corrupt. */
public class MediaProbe {

    private final ToolRunner tools;
    private final ObjectMapper json;

    public MediaProbe(ToolRunner tools, ObjectMapper json) {
        this.tools = tools;
        this.json = json;
    }

    public MediaInfo probe(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorruptMediaException(file, "file does not exist");
        }
        String output;
        try {
            output = tools.run(Tool.FFPROBE, List.of("-v", "error", "-print_format", "json",
                    "-show_format", "-show_streams", file.toString())).stdout();
        } catch (ToolFailedException e) {
            throw new CorruptMediaException(file, e.getMessage());
        }
        try {
            JsonNode root = json.readTree(output);
            List<MediaInfo.Stream> streams = new ArrayList<>();
            for (JsonNode stream : root.path("streams")) {
                streams.add(new MediaInfo.Stream(
                        stream.path("codec_type").asText(""),
                        stream.path("codec_name").asText(""),
                        stream.path("profile").asText(""),
                        stream.path("pix_fmt").asText(""),
                        stream.path("width").asInt(0),
                        stream.path("height").asInt(0),
                        stream.path("sample_rate").asInt(0),
                        stream.path("duration").asDouble(0)));
            }
            double duration = root.path("format").path("duration").asDouble(0);
            if (streams.isEmpty() || duration <= 0) {
                throw new CorruptMediaException(file, "no playable streams");
            }
            return new MediaInfo(duration, List.copyOf(streams));
        } catch (CorruptMediaException e) {
            throw e;
        } catch (Exception e) {
            throw new CorruptMediaException(file, "unreadable ffprobe output: " + e.getMessage());
        }
    }
}
