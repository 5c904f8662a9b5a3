package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;

/**
 * The sound of a video: the scenes' narration back to back, an optional music bed looped under it
 * and ducked whenever the voice speaks (sidechain compression), normalized to the loudness target.
 * Normalization takes two passes: {@link #measure} runs the mix once to measure it; the render then
 * runs the same mix with a linear gain from that measurement ({@link #normalized}), so the sound is
 * mixed in the same FFmpeg run that makes the pictures.
 */
public class AudioMix {

    /** Loudness target (LUFS) and true-peak ceiling of the mix (dBTP, below the gate's to leave room for AAC). */
    public record Target(double integratedLufs, double truePeakDb) {
    }

    /** What goes into the mix: narration files in scene order, a music bed (or null) and its level, the length. */
    public record Sources(List<Path> narration, Path music, double musicDb, double seconds) {
        /** The FFmpeg input arguments, narration first, then the looped music. */
        public List<String> inputs() {
            List<String> args = new ArrayList<>();
            narration.forEach(file -> args.addAll(List.of("-i", file.toString())));
            if (music != null) {
                args.addAll(List.of("-stream_loop", "-1", "-i", music.toString()));
            }
            return args;
        }

        public int inputCount() {
            return narration.size() + (music == null ? 0 : 1);
        }
    }

    private final ToolRunner tools;
    private final Target target;

    public AudioMix(ToolRunner tools, Target target) {
        this.tools = tools;
        this.target = target;
    }

    /**
     * Runs the mix once and measures its integrated loudness and true peak. When the gain to the target
     * needs the limiter, the limited mix is measured too, and the loudness the limiter took off the
     * peaks is made up: a quiet, peaky voice (espeak-ng's Hebrew is 10 LU quieter than its English, with
     * the same peaks) would otherwise end about 2 LU under the target and fail the loudness gate.
     */
    public AudioAnalysis.Loudness measure(Sources sources) {
        AudioAnalysis.Loudness plain = measure(sources, AudioAnalysis.MEASURE);
        if (!Double.isFinite(plain.integrated()) || !limits(plain)) {
            return plain;
        }
        AudioAnalysis.Loudness limited = measure(sources, level(plain) + "," + AudioAnalysis.MEASURE);
        return new AudioAnalysis.Loudness(plain.integrated() - (target.integratedLufs() - limited.integrated()), plain.truePeak());
    }

    /**
     * The mix, normalized with {@code measurement}, as filter-graph text ending in {@code [label]}:
     * one linear gain to the target, and a limiter only when that gain would push the true peak over
     * the mix's ceiling.
     */
    public String normalized(Sources sources, int firstInput, AudioAnalysis.Loudness measured, String label) {
        if (!Double.isFinite(measured.integrated())) {
            throw new CorruptMediaException(sources.narration().get(0), "the narration is silent");
        }
        return graph(sources, firstInput, level(measured), label);
    }

    private AudioAnalysis.Loudness measure(Sources sources, String filters) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "info", "-y"));
        args.addAll(sources.inputs());
        args.addAll(List.of("-filter_complex", graph(sources, 0, filters, "mix"), "-map", "[mix]", "-f", "null", "-"));
        return AudioAnalysis.summary(tools.run(Tool.FFMPEG, args).stderr(), sources.narration().get(0));
    }

    /** The gain to the target, with the limiter when it needs it. */
    private String level(AudioAnalysis.Loudness measured) {
        String level = String.format(Locale.ROOT, "volume=%.2fdB", target.integratedLufs() - measured.integrated());
        if (limits(measured)) {
            level += String.format(Locale.ROOT, ",alimiter=limit=%.4f:attack=5:release=50:level=false",
                    Math.pow(10, target.truePeakDb() / 20));
        }
        return level;
    }

    /** Whether the gain to the target would push the true peak over the mix's ceiling. */
    private boolean limits(AudioAnalysis.Loudness measured) {
        return measured.truePeak() + target.integratedLufs() - measured.integrated() > target.truePeakDb();
    }

    static String graph(Sources sources, int firstInput, String loudness, String label) {
        int count = sources.narration().size();
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < count; i++) {
            graph.append(String.format(Locale.ROOT, "[%d:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[n%d];",
                    firstInput + i, i));
        }
        for (int i = 0; i < count; i++) {
            graph.append("[n").append(i).append(']');
        }
        graph.append("concat=n=").append(count).append(":v=0:a=1");
        if (sources.music() == null) {
            return graph.append(',').append(loudness).append(",aresample=48000[").append(label).append(']').toString();
        }
        double fadeOut = Math.max(0, sources.seconds() - 1.5);
        graph.append(",asplit=2[voice][key];");
        graph.append(String.format(Locale.ROOT, "[%d:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,"
                        + "atrim=duration=%.3f,volume=%.1fdB,afade=t=in:d=1,afade=t=out:st=%.3f:d=1.5[bed];",
                firstInput + count, sources.seconds(), sources.musicDb(), fadeOut));
        graph.append("[bed][key]sidechaincompress=threshold=0.02:ratio=8:attack=20:release=350[ducked];");
        return graph.append("[voice][ducked]amix=inputs=2:duration=first:normalize=0,").append(loudness)
                .append(",aresample=48000[").append(label).append(']').toString();
    }
}
