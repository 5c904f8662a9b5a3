package io.cutline.generation.clip;

import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.SchemaCheck;
import io.cutline.document.YamlDocument;
import io.cutline.model.PermanentFailure;
import io.cutline.media.MediaProbe;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.support.Probe;
import io.cutline.timing.DurationRule;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footage provider against a small library of solid-colour sources (so the chosen one can be
 * told from a frame): tag matching, seeded choice, loop and trim to exact frames, cover fit, no audio.
 */
class FootageLibraryTest {

    /** Full-range luma (what a gray frame shows) of pure red, green (lime) and blue: 0.299, 0.587, 0.114 of 255. */
    private static final int RED = 76;
    private static final int GREEN = 150;
    private static final int BLUE = 29;

    private static DefaultCamelContext camel;
    private static ToolRunner tools;
    private static MediaProbe probe;

    @TempDir
    static Path library;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        tools = new ToolRunner(camel.createProducerTemplate(),
                Map.of(Tool.FFMPEG, "ffmpeg", Tool.FFPROBE, "ffprobe", Tool.ESPEAK, "espeak-ng"), 60_000);
        probe = new MediaProbe(tools, new ObjectMapper());
        // tagged by its file name; 2 s, 4:3, with a sound track the clip must not keep
        source("red", "320x240", 2, "red-ocean-waves.mp4", true);
        // tagged by its file name; 6 s, 16:9
        source("blue", "640x360", 6, "forest-trees.mov", false);
        // tagged in tags.yaml; 3 s, portrait
        source("lime", "180x320", 3, "clip3.mkv", false);
        Files.writeString(library.resolve(FootageLibrary.TAGS_FILE), """
                # file name: tags
                clip3.mkv: [mountain, snow, peak]
                gone.mp4: [nothing]
                """);
        Files.writeString(library.resolve("notes.txt"), "not a clip");
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    private static void source(String color, String size, int seconds, String name, boolean audio) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "color=c=" + color + ":s=" + size + ":r=25:d=" + seconds));
        if (audio) {
            command.addAll(List.of("-f", "lavfi", "-i", "sine=f=440:d=" + seconds, "-c:a", "aac"));
        }
        command.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                library.resolve(name).toString()));
        Probe.run(command);
    }

    private static FootageLibrary footage(Path folder) {
        return new FootageLibrary(new ProviderSettings("footage", "cutline.generation.footage",
                Map.of("folder", folder.toString(), "model", "footage-test", "durations", "any")), new AdapterKit(null, null, null, tools, probe, null));
    }

    private static ClipRequest request(String prompt, double seconds, int width, int height, int fps) {
        return new ClipRequest(prompt, seconds, width, height, fps, Integer.toUnsignedLong(prompt.hashCode()));
    }

    @Test
    void tagsComeFromTheTagsFileElseTheFileName() {
        List<FootageLibrary.Source> sources = footage(library).sources();
        assertThat(sources).extracting(FootageLibrary.Source::name)
                .containsExactly("clip3.mkv", "forest-trees.mov", "red-ocean-waves.mp4");
        assertThat(sources.get(0).tags()).containsExactly("mountain", "snow", "peak");
        assertThat(sources.get(1).tags()).containsExactly("forest", "trees");
        assertThat(sources.get(2).tags()).containsExactly("red", "ocean", "waves");
        assertThat(FootageLibrary.words("The Moon, in orbit; of tides — scene 2 of 6")).containsExactly("moon", "orbit", "tides");
    }

    @Test
    void choosesTheSourceWhoseTagsMatchMostWordsOfThePrompt() {
        FootageLibrary footage = footage(library);
        FootageLibrary.Choice ocean = footage.choose(request("slow cinematic style; ocean wave at dawn; scene 1 of 3", 3, 360, 640, 30));
        assertThat(ocean.source().name()).isEqualTo("red-ocean-waves.mp4");
        assertThat(ocean.matched()).containsExactly("ocean", "wave");
        assertThat(ocean.equallyGood()).isEqualTo(1);
        assertThat(footage.choose(request("deep colours; snowy mountain peaks above the forest", 3, 360, 640, 30)).source().name())
                .isEqualTo("clip3.mkv");
        assertThat(footage.choose(request("a tree in a forest", 3, 360, 640, 30)).source().name()).isEqualTo("forest-trees.mov");
    }

    @Test
    void theSameRequestChoosesTheSameAndTheSeedSpreadsTheUnmatched() {
        FootageLibrary footage = footage(library);
        ClipRequest unmatched = request("quantum entanglement explained", 3, 360, 640, 30);
        FootageLibrary.Choice first = footage.choose(unmatched);
        assertThat(first.matched()).isEmpty();
        assertThat(first.equallyGood()).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            assertThat(footage.choose(unmatched)).isEqualTo(first);
        }
        Set<String> chosen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            chosen.add(footage.choose(new ClipRequest(unmatched.prompt(), 3, 360, 640, 30, seed)).source().name());
        }
        assertThat(chosen).hasSize(3);
        double start = FootageLibrary.start(unmatched, 10, new SplittableRandom(unmatched.seed()));
        assertThat(FootageLibrary.start(unmatched, 10, new SplittableRandom(unmatched.seed()))).isEqualTo(start);
        assertThat(start).isBetween(0.0, 10 - 3 - 2.0 / 30);
        assertThat(FootageLibrary.start(unmatched, 3, new SplittableRandom(unmatched.seed()))).isZero();
    }

    @Test
    void loopsAShortSourceToExactlyTheFramesAskedForCoverFittedWithoutAudio() throws Exception {
        ClipRequest request = request("ocean waves", 5.01, 360, 640, 24);
        Path clip = dir.resolve("loop.mp4");
        footage(library).generate(request, clip);
        JsonNode info = assertFrames(clip, 360, 640, 24, 121, 5.01);
        assertThat(info.path("streams")).noneMatch(stream -> !stream.path("codec_type").asText().equals("video"));
        assertUniform(clip, 4.5, 360, 640, RED);
        assertThat(dir).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith(".tmp-"));
    }

    @Test
    void trimsALongerSourceAndCropsItToTheFrame() throws Exception {
        ClipRequest request = request("forest trees", 1.5, 320, 320, 30);
        Path clip = dir.resolve("trim.mp4");
        footage(library).generate(request, clip);
        assertFrames(clip, 320, 320, 30, 45, 1.5);
        assertUniform(clip, 1.0, 320, 320, BLUE);

        Path portrait = dir.resolve("portrait.mp4");
        footage(library).generate(request("snow on the mountain", 2, 320, 180, 30), portrait);
        assertUniform(portrait, 1.0, 320, 180, GREEN);
    }

    /** The clip's frame size, rate, frame count and length (within a frame); its ffprobe answer. */
    private static JsonNode assertFrames(Path clip, int width, int height, int fps, int frames, double seconds) throws Exception {
        JsonNode info = Probe.ffprobe(clip);
        JsonNode video = Probe.stream(info, "video");
        assertThat(video.path("width").asInt()).isEqualTo(width);
        assertThat(video.path("height").asInt()).isEqualTo(height);
        assertThat(video.path("r_frame_rate").asText()).isEqualTo(fps + "/1");
        assertThat(video.path("nb_frames").asInt()).isEqualTo(frames);
        assertThat(info.path("format").path("duration").asDouble()).isCloseTo(seconds, within(1.0 / fps));
        return info;
    }

    /** Every pixel of the frame is the source's colour: the source was chosen and covers the frame, no bars. */
    private static void assertUniform(Path clip, double seconds, int width, int height, int luma) throws Exception {
        byte[] frame = Probe.grayFrame(clip, seconds, null, width, height);
        int min = 255;
        int max = 0;
        for (byte pixel : frame) {
            min = Math.min(min, pixel & 0xff);
            max = Math.max(max, pixel & 0xff);
        }
        assertThat(min).as("darkest pixel").isCloseTo(luma, within(6));
        assertThat(max).as("brightest pixel").isCloseTo(luma, within(6));
    }

    @Test
    void anEmptyOrMissingFolderIsAPermanentErrorNamingIt() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty-library"));
        Files.writeString(empty.resolve("README.txt"), "clips go here");
        ClipRequest request = request("ocean", 2, 320, 180, 30);
        assertThatThrownBy(() -> footage(empty).generate(request, dir.resolve("a.mp4")))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(empty.toAbsolutePath().toString()).hasMessageContaining("no clips");
        Path missing = dir.resolve("no-such-library");
        assertThatThrownBy(() -> footage(missing).choose(request))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining(missing.toAbsolutePath().toString()).hasMessageContaining("does not exist");
        assertThat(dir.resolve("a.mp4")).doesNotExist();
    }

    @Test
    void aBrokenTagsFileIsAPermanentErrorNamingIt() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("broken"));
        Files.copy(library.resolve("clip3.mkv"), folder.resolve("clip3.mkv"));
        Files.writeString(folder.resolve(FootageLibrary.TAGS_FILE), "clip3.mkv: [mountain\n");
        assertThatThrownBy(() -> footage(folder).sources())
                .isInstanceOf(PermanentFailure.class).hasMessageContaining(folder.resolve(FootageLibrary.TAGS_FILE).toString());
    }

    @Test
    void aChannelCanChooseIt() throws IOException {
        String demo = Files.readString(Path.of("config/channels/demo.yaml"));
        assertThat(demo).contains("  provider: local\n");
        YamlDocument channel = YamlDocument.parse(demo.replace("  provider: local\n", "  provider: footage\n  fallback: [local]\n"),
                "footage.yaml");
        assertThat(SchemaCheck.load("channel.schema.json").problems(channel)).isEmpty();
    }

    @Test
    void theShippedSampleLibraryIsTaggedAndSmall() throws IOException {
        FootageLibrary footage = footage(Path.of("config/footage"));
        assertThat(footage.sources()).extracting(FootageLibrary.Source::name)
                .containsExactly("fractal-space.mp4", "ocean-tides.mp4", "test-signal.mp4");
        assertThat(footage.choose(request("slow cinematic abstract motion; moon, orbit, tides; scene 2 of 6", 4, 720, 1280, 30))
                .source().name()).isEqualTo("fractal-space.mp4");
        assertThat(footage.choose(request("octopus; ocean, animal", 4, 720, 1280, 30)).source().name()).isEqualTo("ocean-tides.mp4");
        for (FootageLibrary.Source source : footage.sources()) {
            assertThat(Files.size(source.file())).isLessThan(200_000);
        }
    }
}
