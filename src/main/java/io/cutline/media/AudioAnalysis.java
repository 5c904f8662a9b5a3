package io.cutline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Audio measurements with ffmpeg: where the silences are, and how loud a file is (EBU R128). */
public class AudioAnalysis {

    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[\\d.]+|-inf) LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("True peak:\\s+Peak:\\s+(-?[\\d.]+|-inf) dBFS");

    /** Integrated loudness (LUFS) and true peak (dBTP). */
    public record Loudness(double integrated, double truePeak) {
    }

    private final ToolRunner tools;

    public AudioAnalysis(ToolRunner tools) {
        this.tools = tools;
    }

    /** Silent stretches of at least {@code minimumSeconds} quieter than {@code thresholdDb}. */
    public List<Silence> silences(Path audio, double thresholdDb, double minimumSeconds) {
        Path report = MediaStore.temporaryFor(audio.resolveSibling(audio.getFileName() + ".silence.txt"));
        try {
            tools.run(Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-i", audio.toString(), "-af",
                    String.format(Locale.ROOT, "silencedetect=noise=%.1fdB:d=%.3f,ametadata=mode=print:file=%s",
                            thresholdDb, minimumSeconds, report.getFileName()), "-f", "null", "-"), audio.getParent());
            List<Silence> silences = new ArrayList<>();
            Double start = null;
            for (String line : Files.readAllLines(report)) {
                if (line.startsWith("lavfi.silence_start=")) {
                    start = Double.parseDouble(line.substring(line.indexOf('=') + 1));
                } else if (line.startsWith("lavfi.silence_end=") && start != null) {
                    silences.add(new Silence(start, Double.parseDouble(line.substring(line.indexOf('=') + 1))));
                    start = null;
                }
            }
            if (start != null) {
                silences.add(new Silence(start, Double.MAX_VALUE));
            }
            return List.copyOf(silences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            MediaStore.deleteQuietly(report);
        }
    }

    /** The ebur128 filter measuring integrated loudness and true peak, printing only its summary (at log level info). */
    public static final String MEASURE = "ebur128=peak=true:framelog=verbose";

    /** Integrated loudness and true peak of a file's audio, as the ebur128 filter reports them. */
    public Loudness loudness(Path media) {
        return summary(tools.run(Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "info",
                "-i", media.toString(), "-vn", "-af", MEASURE, "-f", "null", "-")).stderr(), media);
    }

    /** Reads the summary an ebur128 filter printed; {@code source} names what was measured, for errors. */
    public static Loudness summary(String report, Path source) {
        int summary = report.lastIndexOf("Summary:");
        String tail = summary < 0 ? report : report.substring(summary);
        return new Loudness(number(INTEGRATED.matcher(tail), source, "integrated loudness"),
                number(TRUE_PEAK.matcher(tail), source, "true peak"));
    }

    private static double number(Matcher matcher, Path media, String what) {
        if (!matcher.find()) {
            throw new CorruptMediaException(media, "no " + what + " in the ebur128 report");
        }
        String value = matcher.group(1);
        return value.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value);
    }
}
