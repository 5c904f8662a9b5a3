package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;

/**
 * The sound of a video, mixed once for all its renditions: the scenes' narration back to back, an
 * optional music bed looped under it and ducked whenever the voice speaks (sidechain compression),
 * normalized to the loudness target in two passes (measure, then a linear gain), as 48 kHz stereo WAV.
 */
public class AudioMix {

    private static final Pattern LOUDNORM_JSON = Pattern.compile("\\{[^{}]*\"input_i\"[^{}]*}");

    /** Loudness target (LUFS), true-peak ceiling of the mix (dBTP, below the gate's to leave room for AAC), loudness range. */
    public record Target(double integratedLufs, double truePeakDb, double loudnessRange) {
    }

    private final ToolRunner tools;
    private final ObjectMapper json;
    private final Target target;

    public AudioMix(ToolRunner tools, ObjectMapper json, Target target) {
        this.tools = tools;
        this.json = json;
        this.target = target;
    }

    /**
     * Mixes {@code narration} (one file per scene, in order) with {@code music} (null for none) at
     * {@code musicDb}, over {@code seconds}, into {@code output}.
     */
    public void mix(List<Path> narration, Path music, double musicDb, double seconds, Path output) {
        String measurement = tools.run(Tool.FFMPEG, arguments(narration, music, musicDb, seconds,
                String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json",
                        target.integratedLufs(), target.truePeakDb(), target.loudnessRange()),
                List.of("-f", "null", "-"), "info")).stderr();
        JsonNode measured = measured(measurement, output);
        String normalize = String.format(Locale.ROOT,
                "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%s:measured_TP=%s:measured_LRA=%s:measured_thresh=%s:offset=%s:linear=true",
                target.integratedLufs(), target.truePeakDb(), target.loudnessRange(), measured.path("input_i").asText(),
                measured.path("input_tp").asText(), measured.path("input_lra").asText(), measured.path("input_thresh").asText(),
                measured.path("target_offset").asText());
        tools.run(Tool.FFMPEG, arguments(narration, music, musicDb, seconds, normalize + ",aresample=48000",
                List.of("-c:a", "pcm_s16le", "-ar", "48000", "-ac", "2", "-f", "wav", output.toString()), "error"));
    }

    private List<String> arguments(List<Path> narration, Path music, double musicDb, double seconds, String loudness,
                                   List<String> sink, String logLevel) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", logLevel, "-y"));
        narration.forEach(file -> args.addAll(List.of("-i", file.toString())));
        if (music != null) {
            args.addAll(List.of("-stream_loop", "-1", "-i", music.toString()));
        }
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < narration.size(); i++) {
            graph.append(String.format(Locale.ROOT, "[%d:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[n%d];", i, i));
        }
        for (int i = 0; i < narration.size(); i++) {
            graph.append("[n").append(i).append(']');
        }
        graph.append("concat=n=").append(narration.size()).append(":v=0:a=1");
        if (music == null) {
            graph.append(',').append(loudness).append("[mix]");
        } else {
            double fadeOut = Math.max(0, seconds - 1.5);
            graph.append(",asplit=2[voice][key];");
            graph.append(String.format(Locale.ROOT, "[%d:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
                    + "atrim=duration=%.3f,volume=%.1fdB,afade=t=in:d=1,afade=t=out:st=%.3f:d=1.5[bed];",
                    narration.size(), seconds, musicDb, fadeOut));
            graph.append("[bed][key]sidechaincompress=threshold=0.02:ratio=8:attack=20:release=350[ducked];");
            graph.append("[voice][ducked]amix=inputs=2:duration=first:normalize=0,").append(loudness).append("[mix]");
        }
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[mix]"));
        args.addAll(sink);
        return args;
    }

    private JsonNode measured(String report, Path output) {
        Matcher matcher = LOUDNORM_JSON.matcher(report);
        String found = null;
        while (matcher.find()) {
            found = matcher.group();
        }
        if (found == null) {
            throw new CorruptMediaException(output, "the loudness measurement printed no result");
        }
        try {
            return json.readTree(found);
        } catch (Exception e) {
            throw new CorruptMediaException(output, "unreadable loudness measurement: " + e.getMessage());
        }
    }
}
