package io.cutline.assembly;

import io.cutline.channel.MusicLibrary;

import io.cutline.model.Rendition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.QualityGate;
import io.cutline.ledger.QualityLedger;
import io.cutline.model.Render;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.model.Scene;
import io.cutline.model.Storyboard;

/**
 * Layer 4. The sound (narration, ducked music bed) is measured for loudness; then one FFmpeg run
 * mixes it normalized and renders every rendition the channel's platforms need, following each scene's timing
 * plan, with captions; each rendition gets a thumbnail (a frame of the first fact's clip with the title). The time line is built at the size clips are made at
 * (the working size) and scaled once per rendition. Every rendition then goes through the quality gates;
 * their results are recorded, and one failed gate parks the job before anything is published.
 */
public class Assembler {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final GenerationLedger generations;
    private final RenderLedger renders;
    private final QualityLedger quality;
    private final ChannelRegistry channels;
    private final ToolRunner tools;
    private final MediaProbe probe;
    private final AudioAnalysis audio;
    private final AudioMix mix;
    private final QualityGates gates;
    private final MediaStore media;
    private final RenderGraph.Encoding encoding;
    private final double defaultMusicDb;
    private final int workingShortSide;

    public Assembler(JobLedger jobs, StoryLedger stories, VoiceLedger voices, GenerationLedger generations, RenderLedger renders,
                     QualityLedger quality, ChannelRegistry channels, ToolRunner tools, MediaProbe probe, AudioAnalysis audio,
                     AudioMix mix, QualityGates gates, MediaStore media, RenderGraph.Encoding encoding, double defaultMusicDb,
                     int workingShortSide) {
        this.jobs = jobs;
        this.stories = stories;
        this.voices = voices;
        this.generations = generations;
        this.renders = renders;
        this.quality = quality;
        this.channels = channels;
        this.tools = tools;
        this.probe = probe;
        this.audio = audio;
        this.mix = mix;
        this.gates = gates;
        this.media = media;
        this.encoding = encoding;
        this.defaultMusicDb = defaultMusicDb;
        this.workingShortSide = workingShortSide;
    }

    public List<Render> assemble(String jobId) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        List<Scene> scenes = stories.scenes(jobId);
        List<VoiceTrack> narration = voices.forJob(jobId);
        if (narration.size() != scenes.size()) {
            throw new IllegalStateException("job " + jobId + " has " + scenes.size() + " scenes but " + narration.size() + " voice tracks");
        }
        List<SceneTiming.Span> spans = SceneTiming.spans(narration.stream().map(VoiceTrack::durationSeconds).toList(), encoding.fps());
        double seconds = spans.get(spans.size() - 1).end();
        Path work = media.workDir(jobId);

        AudioMix.Sources sound = new AudioMix.Sources(narration.stream().map(track -> Path.of(track.audioPath())).toList(),
                MusicLibrary.pick(channel, jobId).orElse(null),
                channel.music() == null || channel.music().volumeDb() == null ? defaultMusicDb : channel.music().volumeDb(), seconds);
        AudioAnalysis.Loudness loudness = mix.measure(sound);

        List<RenderGraph.SceneInput> inputs = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            inputs.add(new RenderGraph.SceneInput(clipsOf(jobId, scene), scene.plan().leadSeconds(), scene.plan().speed(),
                    spans.get(i).frames()));
        }
        String title = stories.storyboard(jobId).map(Storyboard::title).orElse("");
        Map<Rendition, List<String>> renditions = channel.renditionPlan();
        Map<Rendition, RenderGraph.Output> outputs = new LinkedHashMap<>();
        Map<Rendition, String> captions = new LinkedHashMap<>();
        for (Rendition rendition : renditions.keySet()) {
            String ass = Captions.ass(cues(channel, spans, narration), channel.style().captions(), rendition.width(), rendition.height());
            captions.put(rendition, ass);
            write(work.resolve("captions-" + rendition.name() + ".ass"), ass);
            write(work.resolve("title-" + rendition.name() + ".txt"), wrap(title, rendition.height() > rendition.width() ? 18 : 32));
            Path video = MediaStore.temporaryFor(media.renditionPath(jobId, rendition.name()));
            outputs.put(rendition, new RenderGraph.Output(rendition.width(), rendition.height(), "captions-" + rendition.name() + ".ass",
                    video));
        }
        Path checks = work.resolve(RenderGraph.CHECKS_FILE);
        MediaStore.deleteQuietly(checks);
        int scale = Math.min(channel.format().width(), channel.format().height());
        int width = even(channel.format().width() * workingShortSide / scale);
        int height = even(channel.format().height() * workingShortSide / scale);
        try {
            tools.run(Tool.FFMPEG, RenderGraph.arguments(inputs, width, height, sound.inputs(),
                    first -> mix.normalized(sound, first, loudness, "sound"), List.copyOf(outputs.values()), encoding), work);
            List<QualityGate> results = new ArrayList<>();
            Map<Rendition, MediaInfo> files = new LinkedHashMap<>();
            for (Map.Entry<Rendition, RenderGraph.Output> entry : outputs.entrySet()) {
                Rendition rendition = entry.getKey();
                MediaInfo file = verify(entry.getValue().video(), rendition);
                files.put(rendition, file);
                results.add(gates.sceneSync(rendition.name(), spans, encoding.fps(), file, seconds));
                results.addAll(gates.stretches(rendition.name(), checks, seconds));
                results.addAll(gates.loudness(rendition.name(), audio.loudness(entry.getValue().video())));
                results.add(gates.captions(rendition.name(), scenes.stream().map(Scene::narration).toList(), captions.get(rendition)));
                for (String platform : renditions.get(rendition)) {
                    results.add(gates.platform(rendition.name(), platform, file, encoding.fps()));
                }
            }
            results.forEach(gate -> quality.save(jobId, gate));
            results.stream().filter(gate -> !gate.passed()).findFirst().ifPresent(failed -> {
                throw new QualityGateFailed(failed);
            });
            List<Render> done = new ArrayList<>();
            Scene shown = scenes.get(scenes.size() > 1 ? 1 : 0);
            double shownAt = shown.plan().leadSeconds() + spans.get(shown.index()).seconds() / 2 / shown.plan().speed();
            for (Map.Entry<Rendition, RenderGraph.Output> entry : outputs.entrySet()) {
                Rendition rendition = entry.getKey();
                Path video = media.renditionPath(jobId, rendition.name());
                Path thumbnail = media.thumbnailPath(jobId, rendition.name());
                Path image = MediaStore.temporaryFor(thumbnail);
                try {
                    tools.run(Tool.FFMPEG, RenderGraph.thumbnail(inputs.get(shown.index()).clips().get(0),
                            Math.min(shownAt, shown.plan().clips().get(0).seconds() - 0.1), width, height, entry.getValue(),
                            "title-" + rendition.name() + ".txt", image), work);
                    MediaStore.moveIntoPlace(image, thumbnail);
                } finally {
                    MediaStore.deleteQuietly(image);
                }
                MediaStore.moveIntoPlace(entry.getValue().video(), video);
                Render render = new Render(jobId, rendition.name(), video.toString(), rendition.width(), rendition.height(),
                        files.get(rendition).durationSeconds(), thumbnail.toString());
                renders.save(render);
                done.add(render);
            }
            return done;
        } finally {
            outputs.values().forEach(output -> MediaStore.deleteQuietly(output.video()));
        }
    }

    private List<Captions.Cue> cues(Channel channel, List<SceneTiming.Span> spans, List<VoiceTrack> narration) {
        Channel.Captions style = channel.style().captions();
        int chunk = style == null || style.wordsPerCaption() == null ? 3 : style.wordsPerCaption();
        boolean highlight = style != null && style.highlightColor() != null;
        List<Captions.SceneWords> words = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            words.add(new Captions.SceneWords(spans.get(i).start(), spans.get(i).end(), narration.get(i).words()));
        }
        return Captions.cues(words, chunk, highlight);
    }

    /** Breaks a title into lines of about {@code width} characters at spaces. */
    static String wrap(String title, int width) {
        StringBuilder lines = new StringBuilder();
        int lineLength = 0;
        for (String word : title.strip().split("\\s+")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                lines.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                lines.append(' ');
                lineLength++;
            }
            lines.append(word);
            lineLength += word.length();
        }
        return lines.toString();
    }

    private MediaInfo verify(Path video, Rendition rendition) {
        MediaInfo info = probe.probe(video);
        MediaInfo.Stream picture = info.video().orElseThrow(() -> new CorruptMediaException(video, "no video stream"));
        if (picture.width() != rendition.width() || picture.height() != rendition.height()) {
            throw new CorruptMediaException(video, picture.width() + "x" + picture.height() + ", expected " + rendition.name());
        }
        return info;
    }

    private List<Path> clipsOf(String jobId, Scene scene) {
        if (!scene.fullyGenerated()) {
            throw new IllegalStateException("scene " + scene.index() + " of job " + jobId + " has no finished clips");
        }
        List<Path> clips = new ArrayList<>();
        for (String key : scene.clipKeys()) {
            GenerationTask task = generations.find(key).filter(GenerationTask::succeeded).orElseThrow(() ->
                    new IllegalStateException("scene " + scene.index() + " of job " + jobId + ": clip " + key + " is not finished"));
            clips.add(Path.of(task.clipPath()));
        }
        return clips;
    }

    private static int even(int pixels) {
        return pixels / 2 * 2;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
