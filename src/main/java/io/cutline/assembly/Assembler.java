package io.cutline.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Render;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.story.Scene;

/**
 * Layer 4: one FFmpeg run per rendition. Each clip is conformed to the frame (scale, crop, frame
 * rate) and cut or held to its scene's span; the narration runs back to back underneath; captions
 * are burned in from an ASS file. The result is measured before it is recorded: H.264 + AAC at the
 * channel's frame size, as long as the narration.
 */
public class Assembler {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final GenerationLedger generations;
    private final RenderLedger renders;
    private final ChannelRegistry channels;
    private final ToolRunner tools;
    private final MediaProbe probe;
    private final MediaStore media;
    private final Settings settings;

    /** Encoding settings, from the {@code cutline.assembly.*} properties. */
    public record Settings(int fps, String preset, int crf, String audioBitrate, double durationTolerance) {
    }

    public Assembler(JobLedger jobs, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                     RenderLedger renders, ChannelRegistry channels, ToolRunner tools, MediaProbe probe, MediaStore media,
                     Settings settings) {
        this.jobs = jobs;
        this.stories = stories;
        this.voices = voices;
        this.generations = generations;
        this.renders = renders;
        this.channels = channels;
        this.tools = tools;
        this.probe = probe;
        this.media = media;
        this.settings = settings;
    }

    public Render assemble(String jobId) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        String rendition = channel.format().rendition();
        List<Scene> scenes = stories.scenes(jobId);
        List<VoiceTrack> narration = voices.forJob(jobId);
        if (narration.size() != scenes.size()) {
            throw new IllegalStateException("job " + jobId + " has " + scenes.size() + " scenes but " + narration.size() + " voice tracks");
        }
        List<Path> clips = scenes.stream().map(scene -> clipOf(jobId, scene)).toList();
        List<SceneTiming.Span> spans = SceneTiming.spans(narration.stream().map(VoiceTrack::durationSeconds).toList(), settings.fps());
        int width = channel.format().width();
        int height = channel.format().height();

        Path work = media.workDir(jobId);
        Channel.Captions style = channel.style().captions();
        int chunk = style == null || style.wordsPerCaption() == null ? 3 : style.wordsPerCaption();
        List<Captions.Cue> cues = Captions.cues(scenes.stream().map(Scene::narration).toList(), spans, chunk);
        write(work.resolve("captions.ass"), Captions.ass(cues, style, width, height));

        Path target = media.renditionPath(jobId, rendition);
        Path temporary = MediaStore.temporaryFor(target);
        try {
            tools.run(Tool.FFMPEG, arguments(clips, narration, spans, width, height, "captions.ass", temporary), work);
            double expected = spans.get(spans.size() - 1).end();
            MediaInfo info = verify(temporary, width, height, expected);
            MediaStore.moveIntoPlace(temporary, target);
            Render render = new Render(jobId, rendition, target.toString(), width, height, info.durationSeconds());
            renders.save(render);
            return render;
        } finally {
            MediaStore.deleteQuietly(temporary);
        }
    }

    List<String> arguments(List<Path> clips, List<VoiceTrack> narration, List<SceneTiming.Span> spans, int width, int height,
                           String captionsFile, Path output) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        clips.forEach(clip -> args.addAll(List.of("-i", clip.toString())));
        narration.forEach(track -> args.addAll(List.of("-i", track.audioPath())));
        int count = clips.size();
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int frames = spans.get(i).frames();
            graph.append(String.format(Locale.ROOT,
                    "[%d:v]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1,fps=%d,"
                            + "tpad=stop_mode=clone:stop=%d,trim=end_frame=%d,setpts=PTS-STARTPTS[v%d];",
                    i, width, height, width, height, settings.fps(), frames, frames, i));
            graph.append(String.format(Locale.ROOT,
                    "[%d:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[a%d];", count + i, i));
        }
        for (int i = 0; i < count; i++) {
            graph.append("[v").append(i).append(']');
        }
        graph.append("concat=n=").append(count).append(":v=1:a=0,ass=").append(captionsFile).append("[vout];");
        for (int i = 0; i < count; i++) {
            graph.append("[a").append(i).append(']');
        }
        graph.append("concat=n=").append(count).append(":v=0:a=1[aout]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[vout]", "-map", "[aout]",
                "-c:v", "libx264", "-preset", settings.preset(), "-crf", String.valueOf(settings.crf()),
                "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", String.valueOf(settings.fps()),
                "-c:a", "aac", "-b:a", settings.audioBitrate(), "-ar", "48000",
                "-movflags", "+faststart", "-f", "mp4", output.toString()));
        return args;
    }

    private MediaInfo verify(Path video, int width, int height, double expectedSeconds) {
        MediaInfo info = probe.probe(video);
        MediaInfo.Stream picture = info.video().orElseThrow(() -> new CorruptMediaException(video, "no video stream"));
        info.audio().filter(audio -> audio.codec().equals("aac"))
                .orElseThrow(() -> new CorruptMediaException(video, "no AAC audio stream"));
        if (!picture.codec().equals("h264") || picture.width() != width || picture.height() != height) {
            throw new CorruptMediaException(video, picture.codec() + " " + picture.width() + "x" + picture.height()
                    + ", expected h264 " + width + "x" + height);
        }
        if (Math.abs(info.durationSeconds() - expectedSeconds) > settings.durationTolerance()) {
            throw new CorruptMediaException(video, String.format(Locale.ROOT, "%.3f s long, narration is %.3f s",
                    info.durationSeconds(), expectedSeconds));
        }
        return info;
    }

    private Path clipOf(String jobId, Scene scene) {
        GenerationTask task = scene.clipKey() == null ? null : generations.find(scene.clipKey()).orElse(null);
        if (task == null || !task.succeeded()) {
            throw new IllegalStateException("scene " + scene.index() + " of job " + jobId + " has no finished clip");
        }
        return Path.of(task.clipPath());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
