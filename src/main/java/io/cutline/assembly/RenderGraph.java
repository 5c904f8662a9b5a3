package io.cutline.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.cutline.media.DrawText;
import io.cutline.model.Rendition;

/**
 * The one FFmpeg run that makes every rendition of a video. Each clip is conformed to the working
 * frame (frame rate, lead cut, scale, crop to the channel's shape at the size clips are made at); a scene's clips are played in order, slowed
 * down and held as its timing plan says, and cut to exactly the scene's frames; the scenes are
 * joined into one time line. The time line is checked once for black and frozen stretches (into
 * {@code checks.txt}) and then, per rendition, fitted to that frame size (scaled, or put over a
 * blurred fill when the shape differs), captioned from its ASS file and encoded (H.264 High yuv420p,
 * AAC 48 kHz, faststart) with the sound, which is mixed in the same run.
 *
 * <p>Every file the graph names (captions, thumbnail titles, checks) is in the working directory
 * under a fixed, character-safe name, so no user text ever appears in the graph or the arguments.
 */
public final class RenderGraph {

    /** One scene: its clips in play order, seconds cut from each clip's start, slow-down factor, and frames. */
    public record SceneInput(List<Path> clips, double leadSeconds, double speed, int frames) {
    }

    /**
     * One rendition: its size, whether a picture of another shape is cropped to it ({@code crop}; else
     * fitted over a blurred fill), its caption file (a relative name) and the video file to write.
     */
    public record Output(int width, int height, boolean crop, String captionsFile, Path video) {
    }

    /**
     * Encoder settings. {@code draftShortSide} above 0 encodes every rendition with its short side
     * at that many pixels instead (aspect kept, sides even): cheap media where only the
     * coordination is under test, e.g. the soak; the rendition keeps its name and its platform gates.
     */
    public record Encoding(int fps, String preset, int crf, String audioBitrate, int draftShortSide) {

        /** The frame size {@code rendition} is encoded at: its own, or its draft size. */
        public Rendition frame(Rendition rendition) {
            if (draftShortSide <= 0) {
                return rendition;
            }
            int shortSide = Math.min(rendition.width(), rendition.height());
            return new Rendition(rendition.shape(), even((long) rendition.width() * draftShortSide / shortSide),
                    even((long) rendition.height() * draftShortSide / shortSide));
        }

        private static int even(long pixels) {
            return (int) (pixels - pixels % 2);
        }
    }

    public static final String CHECKS_FILE = "checks.txt";
    private static final int CHECK_WIDTH = 136;

    private RenderGraph() {
    }

    /**
     * @param sound the filter graph of the sound (from {@link AudioMix#normalized}), reading inputs
     *              from {@code soundInputs} on, ending in {@code [sound]}
     */
    public static List<String> arguments(List<SceneInput> scenes, int width, int height, List<String> soundInputs,
                                         Function<Integer, String> sound, List<Output> outputs, Encoding encoding) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-y"));
        int input = 0;
        StringBuilder graph = new StringBuilder();
        for (int s = 0; s < scenes.size(); s++) {
            SceneInput scene = scenes.get(s);
            for (int c = 0; c < scene.clips().size(); c++) {
                // one decoding thread per clip: with a dozen clips open at once, more only costs memory
                args.addAll(List.of("-threads", "1", "-i", scene.clips().get(c).toString()));
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
        args.addAll(soundInputs);
        graph.append(sound.apply(input)).append(';');
        graph.append("[sound]asplit=").append(outputs.size());
        for (int r = 0; r < outputs.size(); r++) {
            graph.append("[a").append(r).append(']');
        }
        graph.append(';');
        for (int s = 0; s < scenes.size(); s++) {
            graph.append("[s").append(s).append(']');
        }
        graph.append("concat=n=").append(scenes.size()).append(":v=1:a=0,split=").append(outputs.size() + 1).append("[check]");
        for (int r = 0; r < outputs.size(); r++) {
            graph.append("[t").append(r).append(']');
        }
        graph.append(';');
        graph.append("[check]scale=").append(CHECK_WIDTH).append(":-2:flags=fast_bilinear,blackdetect=d=0.5:pix_th=0.10,freezedetect=n=-60dB:d=0.5,")
                .append("metadata=mode=print:file=").append(CHECKS_FILE).append(",nullsink;");
        for (int r = 0; r < outputs.size(); r++) {
            Output output = outputs.get(r);
            graph.append(fit("[t" + r + "]", width, height, output, "f" + r));
            graph.append(String.format(Locale.ROOT, "[f%d]ass=%s[v%d];", r, output.captionsFile(), r));
        }
        graph.setLength(graph.length() - 1);
        args.addAll(List.of("-filter_complex", graph.toString()));
        for (int r = 0; r < outputs.size(); r++) {
            Output output = outputs.get(r);
            args.addAll(List.of("-map", "[v" + r + "]", "-map", "[a" + r + "]",
                    "-c:v", "libx264", "-preset", encoding.preset(), "-crf", String.valueOf(encoding.crf()),
                    "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", String.valueOf(encoding.fps()),
                    "-c:a", "aac", "-b:a", encoding.audioBitrate(), "-ar", "48000", "-ac", "2",
                    "-movflags", "+faststart", "-f", "mp4", output.video().toString()));
        }
        return args;
    }

    /**
     * A rendition's thumbnail: one frame of {@code clip} at {@code seconds}, fitted to the rendition
     * like the video, with the title (from {@code titleFile} in the working directory, drawn as
     * written in {@code font}) over it.
     */
    public static List<String> thumbnail(Path clip, double seconds, int width, int height, Output output, String titleFile,
                                         String font, Path image) {
        int fontSize = titleFontSize(output);
        String graph = String.format(Locale.ROOT, "[0:v]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1[c];",
                width, height, width, height)
                + fit("[c]", width, height, output, "f")
                + "[f]" + DrawText.filter(titleFile, font, String.format(Locale.ROOT, "fontsize=%d:fontcolor=white:box=1:"
                        + "boxcolor=black@0.55:boxborderw=%d:line_spacing=%d:x=(w-text_w)/2:y=h*0.12", fontSize, fontSize / 2, fontSize / 4))
                + ",format=yuvj420p[thumb]";
        return List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-ss", String.format(Locale.ROOT, "%.3f", seconds),
                "-i", clip.toString(), "-filter_complex", graph, "-map", "[thumb]", "-frames:v", "1", "-q:v", "3", "-f", "image2",
                image.toString());
    }

    /** The thumbnail title's size in pixels. */
    static int titleFontSize(Output output) {
        return Math.max(24, Math.min(output.width(), output.height()) / 14);
    }

    /**
     * Fits the time line to a rendition: scaled when the shape is the same; otherwise, when the rendition
     * crops, the middle of the picture scaled to fill the frame, else the whole picture scaled into the
     * frame over a blurred, cropped copy of itself filling the rest.
     */
    static String fit(String in, int width, int height, Output output, String out) {
        int targetWidth = output.width();
        int targetHeight = output.height();
        if ((long) width * targetHeight == (long) height * targetWidth) {
            return String.format(Locale.ROOT, "%sscale=%d:%d,setsar=1[%s];", in, targetWidth, targetHeight, out);
        }
        if (output.crop()) {
            return String.format(Locale.ROOT, "%sscale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1[%s];", in,
                    targetWidth, targetHeight, targetWidth, targetHeight, out);
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
