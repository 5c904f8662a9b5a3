package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one FFmpeg run that makes every rendition of a video. Each clip is conformed to the
 * channel's frame (frame rate, lead cut, scale, crop); a scene's clips are played in order, slowed
 * down and held as its timing plan says, and cut to exactly the scene's frames; the scenes are
 * joined into one time line. The time line is checked once for black and frozen stretches (into
 * {@code checks.txt}) and then, per rendition, fitted to that frame size (scaled, or put over a
 * blurred fill when the shape differs), captioned from its ASS file and encoded (H.264 High yuv420p,
 * AAC 48 kHz, faststart) with the premixed sound; one uncaptioned frame with the title becomes its thumbnail.
 *
 * <p>Every file the graph names (captions, thumbnail titles, checks) is in the working directory
 * under a fixed, character-safe name, so no user text ever appears in the graph or the arguments.
 */
public final class RenderGraph {

    /** One scene: its clips in play order, seconds cut from each clip's start, slow-down factor, and frames. */
    public record SceneInput(List<Path> clips, double leadSeconds, double speed, int frames) {
    }

    /** One rendition: its size, caption and title files (relative names), thumbnail frame and output files. */
    public record Output(int width, int height, String captionsFile, String titleFile, int thumbnailFrame, Path video,
                         Path thumbnail) {
    }

    /** Encoder settings. */
    public record Encoding(int fps, String preset, int crf, String audioBitrate) {
    }

    public static final String CHECKS_FILE = "checks.txt";
    private static final int CHECK_WIDTH = 270;

    private RenderGraph() {
    }

    public static List<String> arguments(List<SceneInput> scenes, int width, int height, Path sound, List<Output> outputs,
                                         Encoding encoding) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y"));
        int input = 0;
        StringBuilder graph = new StringBuilder();
        for (int s = 0; s < scenes.size(); s++) {
            SceneInput scene = scenes.get(s);
            for (int c = 0; c < scene.clips().size(); c++) {
                args.addAll(List.of("-i", scene.clips().get(c).toString()));
                graph.append(String.format(Locale.ROOT,
                        "[%d:v]fps=%d,trim=start=%.3f,setpts=PTS-STARTPTS,scale=%d:%d:force_original_aspect_ratio=increase,"
                                + "crop=%d:%d,setsar=1[c%d_%d];",
                        input++, encoding.fps(), scene.leadSeconds(), width, height, width, height, s, c));
            }
            for (int c = 0; c < scene.clips().size(); c++) {
                graph.append("[c").append(s).append('_').append(c).append(']');
            }
            if (scene.clips().size() > 1) {
                graph.append("concat=n=").append(scene.clips().size()).append(":v=1:a=0,");
            } else {
                graph.append("null,");
            }
            graph.append(String.format(Locale.ROOT,
                    "setpts=%.6f*PTS,fps=%d,tpad=stop_mode=clone:stop=%d,trim=end_frame=%d,setpts=PTS-STARTPTS[s%d];",
                    scene.speed(), encoding.fps(), scene.frames(), scene.frames(), s));
        }
        int soundInput = input;
        args.addAll(List.of("-i", sound.toString()));
        for (int s = 0; s < scenes.size(); s++) {
            graph.append("[s").append(s).append(']');
        }
        graph.append("concat=n=").append(scenes.size()).append(":v=1:a=0,split=").append(outputs.size() + 1).append("[check]");
        for (int r = 0; r < outputs.size(); r++) {
            graph.append("[t").append(r).append(']');
        }
        graph.append(';');
        graph.append("[check]scale=").append(CHECK_WIDTH).append(":-2,blackdetect=d=0.5:pix_th=0.10,freezedetect=n=-60dB:d=0.5,")
                .append("metadata=mode=print:file=").append(CHECKS_FILE).append(",nullsink;");
        for (int r = 0; r < outputs.size(); r++) {
            Output output = outputs.get(r);
            graph.append(fit("[t" + r + "]", width, height, output.width(), output.height(), "f" + r));
            int fontSize = Math.max(24, Math.min(output.width(), output.height()) / 14);
            graph.append(String.format(Locale.ROOT, "[f%d]split=2[u%d][p%d];[u%d]ass=%s[v%d];", r, r, r, r, output.captionsFile(), r));
            graph.append(String.format(Locale.ROOT,
                    "[p%d]trim=start_frame=%d:end_frame=%d,drawtext=textfile=%s:font=DejaVu Sans:fontsize=%d:fontcolor=white:"
                            + "box=1:boxcolor=black@0.55:boxborderw=%d:line_spacing=%d:x=(w-text_w)/2:y=h*0.12,format=yuvj420p[thumb%d];",
                    r, output.thumbnailFrame(), output.thumbnailFrame() + 1, output.titleFile(), fontSize, fontSize / 2, fontSize / 4, r));
        }
        graph.setLength(graph.length() - 1);
        args.addAll(List.of("-filter_complex", graph.toString()));
        for (int r = 0; r < outputs.size(); r++) {
            Output output = outputs.get(r);
            args.addAll(List.of("-map", "[v" + r + "]", "-map", soundInput + ":a",
                    "-c:v", "libx264", "-preset", encoding.preset(), "-crf", String.valueOf(encoding.crf()),
                    "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", String.valueOf(encoding.fps()),
                    "-c:a", "aac", "-b:a", encoding.audioBitrate(), "-ar", "48000", "-ac", "2",
                    "-movflags", "+faststart", "-f", "mp4", output.video().toString()));
            args.addAll(List.of("-map", "[thumb" + r + "]", "-frames:v", "1", "-q:v", "3", "-f", "image2", output.thumbnail().toString()));
        }
        return args;
    }

    /**
     * Fits the time line to a rendition: scaled when the shape is the same; otherwise the whole picture
     * scaled into the frame over a blurred, cropped copy of itself filling the rest.
     */
    static String fit(String in, int width, int height, int targetWidth, int targetHeight, String out) {
        if ((long) width * targetHeight == (long) height * targetWidth) {
            return String.format(Locale.ROOT, "%sscale=%d:%d,setsar=1[%s];", in, targetWidth, targetHeight, out);
        }
        int blurWidth = targetWidth / 16 * 2;
        int blurHeight = targetHeight / 16 * 2;
        return String.format(Locale.ROOT,
                "%ssplit=2[%s_bg][%s_fg];[%s_bg]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,boxblur=8:2,"
                        + "scale=%d:%d,setsar=1[%s_blur];[%s_fg]scale=%d:%d:force_original_aspect_ratio=decrease,setsar=1[%s_pic];"
                        + "[%s_blur][%s_pic]overlay=(W-w)/2:(H-h)/2[%s];",
                in, out, out, out, blurWidth, blurHeight, blurWidth, blurHeight, targetWidth, targetHeight,
                out, out, targetWidth, targetHeight, out, out, out, out);
    }
}
