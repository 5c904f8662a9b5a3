package io.cutline.assembly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.MusicLibrary;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.Fonts;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.model.Rendition;
import io.cutline.model.Scene;

/**
 * Renders an {@link Edit}. The sound (narration, ducked music bed) is measured for loudness; then one
 * FFmpeg run mixes it normalized and renders every rendition the channel's platforms need, following
 * each scene's timing plan, with captions. The time line is built at the size clips are made at (the
 * working size) and scaled once per rendition. Each rendition's thumbnail is a frame of the first
 * fact's clip with the title. Captions and title are drawn as written (see {@link Captions}, {@link TitleCard}).
 */
public class Renderer {

    private final ToolRunner tools;
    private final MediaStore media;
    private final AudioMix mix;
    private final RenderGraph.Encoding encoding;
    private final double defaultMusicDb;
    private final int workingShortSide;
    private final Fonts fonts;

    public Renderer(ToolRunner tools, MediaStore media, AudioMix mix, RenderGraph.Encoding encoding, double defaultMusicDb,
                    int workingShortSide, Fonts fonts) {
        this.tools = tools;
        this.media = media;
        this.mix = mix;
        this.encoding = encoding;
        this.defaultMusicDb = defaultMusicDb;
        this.workingShortSide = workingShortSide;
        this.fonts = fonts;
    }

    /** Every rendition the channel's platforms need. */
    Rendering render(String jobId, Edit edit) {
        Path work = media.workDir(jobId);
        List<Rendering.Target> targets = new ArrayList<>();
        for (Map.Entry<Rendition, List<String>> rendition : edit.channel().renditionPlan().entrySet()) {
            targets.add(target(jobId, edit, work, rendition.getKey().name(), rendition.getKey(), rendition.getValue(), false));
        }
        return render(jobId, edit, targets);
    }

    /** A short cut from the video ({@code edit} holds its scenes): one vertical rendition named {@code name}, cropped or over a blurred fill. */
    Rendering renderShort(String jobId, Edit edit, String name, List<String> platforms, boolean crop) {
        return render(jobId, edit, List.of(target(jobId, edit, media.workDir(jobId), name, Rendition.VERTICAL, platforms, crop)));
    }

    private Rendering render(String jobId, Edit edit, List<Rendering.Target> targets) {
        Channel channel = edit.channel();
        Path work = media.workDir(jobId);
        AudioMix.Sources sound = new AudioMix.Sources(edit.narration().stream().map(track -> Path.of(track.audioPath())).toList(),
                MusicLibrary.pick(channel, jobId).orElse(null),
                channel.music() == null || channel.music().volumeDb() == null ? defaultMusicDb : channel.music().volumeDb(), edit.seconds());
        AudioAnalysis.Loudness loudness = mix.measure(sound);

        int scale = Math.min(channel.format().width(), channel.format().height());
        Rendering rendering = new Rendering(work, even(channel.format().width() * workingShortSide / scale),
                even(channel.format().height() * workingShortSide / scale), List.copyOf(targets));
        MediaStore.deleteQuietly(rendering.checks());
        try {
            tools.run(Tool.FFMPEG, RenderGraph.arguments(edit.inputs(), rendering.width(), rendering.height(), sound.inputs(),
                    first -> mix.normalized(sound, first, loudness, "sound"),
                    targets.stream().map(Rendering.Target::output).toList(), encoding), work);
            return rendering;
        } catch (RuntimeException e) {
            rendering.close();
            throw e;
        }
    }

    /** Writes a rendition's captions file; its video goes aside until it has passed the gates. */
    private Rendering.Target target(String jobId, Edit edit, Path work, String name, Rendition rendition, List<String> platforms,
                                    boolean crop) {
        Rendition frame = encoding.frame(rendition);
        String ass = Captions.ass(cues(edit), edit.channel().style().captions(), fonts, frame.width(), frame.height());
        String captionsFile = "captions-" + name + ".ass";
        MediaStore.writeWhole(work.resolve(captionsFile), ass.getBytes(StandardCharsets.UTF_8));
        Path video = MediaStore.temporaryFor(media.renditionPath(jobId, name));
        return new Rendering.Target(name, rendition, platforms, new RenderGraph.Output(frame.width(), frame.height(), crop, captionsFile, video),
                ass);
    }

    /** Makes the rendition's thumbnail (from the edit's second scene, or its only one) and moves it into place. */
    Path thumbnail(String jobId, Edit edit, Rendering rendering, Rendering.Target target) {
        int position = edit.scenes().size() > 1 ? 1 : 0;
        Scene shown = edit.scenes().get(position);
        double shownAt = shown.plan().leadSeconds() + edit.spans().get(position).seconds() / 2 / shown.plan().speed();
        Path thumbnail = media.thumbnailPath(jobId, target.name());
        Path image = MediaStore.temporaryFor(thumbnail);
        try {
            TitleCard title = TitleCard.write(rendering.work(), target.rendition(), edit.title(), edit.channel().style().captions(), fonts);
            tools.run(Tool.FFMPEG, RenderGraph.thumbnail(edit.inputs().get(position).clips().get(0),
                    Math.min(shownAt, shown.plan().clips().get(0).seconds() - 0.1), rendering.width(), rendering.height(),
                    target.output(), title.file(), title.font(), image), rendering.work());
            MediaStore.moveIntoPlace(image, thumbnail);
        } finally {
            MediaStore.deleteQuietly(image);
        }
        return thumbnail;
    }

    private static List<Captions.Cue> cues(Edit edit) {
        Channel.Captions style = edit.channel().style().captions();
        int chunk = style == null || style.wordsPerCaption() == null ? 3 : style.wordsPerCaption();
        boolean highlight = style != null && style.highlightColor() != null;
        List<Captions.SceneWords> words = new ArrayList<>();
        for (int i = 0; i < edit.spans().size(); i++) {
            SceneTiming.Span span = edit.spans().get(i);
            words.add(new Captions.SceneWords(span.start(), span.end(), edit.narration().get(i).words()));
        }
        return Captions.cues(words, chunk, highlight);
    }

    private static int even(int pixels) {
        return pixels / 2 * 2;
    }
}
