package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.MediaStore;
import io.cutline.model.Scene;
import io.cutline.support.HostedSettings;
import io.cutline.support.Probe;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * One storyboard in English, German and Hebrew, through the real routes with the emulator (LLM writer
 * and paid clips at fal): the storyboard is translated (the emulator's pseudo-translation writes German
 * umlauts and Hebrew letters), each language is voiced by espeak-ng and becomes its own MP4 and its own
 * publications, with captions in its language; the clips are planned for each scene's longest
 * narration and paid for once for the three languages together.
 */
class LanguagesPipelineTest {

    private static final String HEBREW = ".*[\\u05D0-\\u05EA].*";

    @Test
    void aGermanAndAHebrewVariantRenderWithTheirCaptionsAndTheClipsArePaidForOnce() throws Exception {
        Path root = TestService.newRoot("languages");
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv("CUTLINE_TEST_API_KEY"), 5)) {
            Map<String, String> settings = HostedSettings.emulated(emulator);
            settings.put("cutline.channels.dir", HostedSettings.quickChannel(root,
                    "generation:\n  provider: fal\nwriter: {provider: openai}\nlanguages: [en, de, he]\n", 100, 1000).toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            try (TestService service = new TestService(root, settings).start()) {
                String original = service.submit("quick");
                Job job = service.awaitEnd(original, Duration.ofMinutes(4));
                assertThat(job.state()).as(job.failureReason()).isEqualTo(JobState.DONE);

                List<LanguageLedger.Variant> variants = service.bean("languageLedger", LanguageLedger.class).variants(original);
                assertThat(variants).extracting(LanguageLedger.Variant::language).as("en is the channel's own language")
                        .containsExactlyInAnyOrder("de", "he");
                Map<String, String> jobs = new LinkedHashMap<>(Map.of("en", original));
                for (LanguageLedger.Variant variant : variants) {
                    Job ended = service.awaitEnd(variant.jobId(), Duration.ofMinutes(3));
                    assertThat(ended.state()).as("%s: %s", variant.language(), ended.failureReason()).isEqualTo(JobState.DONE);
                    jobs.put(variant.language(), variant.jobId());
                }

                StoryLedger stories = service.bean("storyLedger", StoryLedger.class);
                VoiceLedger voices = service.bean("voiceLedger", VoiceLedger.class);
                JobViews views = service.bean("jobViews", JobViews.class);
                List<Scene> scenes = stories.scenes(original);
                for (Map.Entry<String, String> language : jobs.entrySet()) {
                    List<Scene> spoken = stories.scenes(language.getValue());
                    assertThat(spoken).hasSameSizeAs(scenes);
                    for (int i = 0; i < scenes.size(); i++) {
                        assertThat(spoken.get(i).visualPrompt()).as("the same shot in every language").isEqualTo(scenes.get(i).visualPrompt());
                        assertThat(spoken.get(i).plan()).as("the same plan").isEqualTo(scenes.get(i).plan());
                        assertThat(spoken.get(i).clipKeys()).as("the same clips").isEqualTo(scenes.get(i).clipKeys());
                    }
                    String narration = String.join(" ", spoken.stream().map(Scene::narration).toList());
                    switch (language.getKey()) {
                        case "de" -> assertThat(narration).containsPattern("[äöüß]").doesNotMatch(HEBREW);
                        case "he" -> assertThat(narration).matches(HEBREW).doesNotContainPattern("[a-z]");
                        default -> assertThat(narration).containsPattern("[a-z]").doesNotContainPattern("[äöüß]").doesNotMatch(HEBREW);
                    }
                    checkVideo(service, views.describe(language.getValue()), voices.forJob(language.getValue()), spoken);
                    checkPublications(root, language.getValue(), language.getKey());
                }

                // each scene's clips cover its longest narration, whichever language speaks it
                for (Scene scene : scenes) {
                    double longest = jobs.values().stream().mapToDouble(id -> voices.find(id, scene.index()).orElseThrow().durationSeconds())
                            .max().orElseThrow();
                    assertThat(scene.plan().narrationSeconds()).isEqualTo(longest);
                }

                // paid once: one billed submission per clip of the original, none by the variants
                int clips = scenes.stream().mapToInt(scene -> scene.plan().clips().size()).sum();
                var account = emulator.billing().accounts().get("fal");
                assertThat(account.billable()).as("one payment per clip, for three languages").isEqualTo(clips);
                assertThat(account.duplicates()).isZero();
                assertThat(service.jdbc().queryForObject("SELECT COUNT(*) FROM generation_tasks", Integer.class)).isEqualTo(clips);
                assertThat(views.describe(original).cost().usd()).isPositive();
                assertThat(views.describe(original).languages()).isEqualTo(new JobView.Languages(null, null, variants));
                for (LanguageLedger.Variant variant : variants) {
                    JobView view = views.describe(variant.jobId());
                    assertThat(view.languages()).isEqualTo(new JobView.Languages(variant.language(), original, List.of()));
                    assertThat(view.cost().usd()).as("a variant pays for no clip").isZero();
                    assertThat(view.writerCalls()).extracting(call -> call.document() + " " + call.outcome())
                            .as("its translation, charged to it").containsExactly("translation valid");
                }
            }
        }
    }

    /** The rendition as ffprobe reads it, and the captions burnt into it: the job's own narration, in its language's font. */
    private static void checkVideo(TestService service, JobView view, List<VoiceTrack> narration, List<Scene> scenes) throws Exception {
        assertThat(view.renders()).singleElement().satisfies(render -> assertThat(render.rendition()).isEqualTo("1080x1920"));
        Path video = Path.of(view.renders().get(0).path());
        JsonNode probe = Probe.ffprobe(video);
        JsonNode picture = Probe.stream(probe, "video");
        assertThat(picture.path("codec_name").asText()).isEqualTo("h264");
        assertThat(picture.path("width").asInt()).isEqualTo(1080);
        assertThat(picture.path("height").asInt()).isEqualTo(1920);
        assertThat(Probe.stream(probe, "audio").path("codec_name").asText()).isEqualTo("aac");
        double spoken = narration.stream().mapToDouble(VoiceTrack::durationSeconds).sum();
        assertThat(probe.path("format").path("duration").asDouble()).as("as long as its own narration").isCloseTo(spoken, within(0.1));
        assertThat(view.gates()).allSatisfy(gate -> assertThat(gate.passed()).as("%s: %s", gate.gate(), gate.measured()).isTrue());
        assertThat(view.gates()).extracting(JobView.GateView::gate).contains("captions");

        Path captions = service.bean("mediaStore", MediaStore.class).workDir(view.id()).resolve("captions-1080x1920.ass");
        String ass = Files.readString(captions, StandardCharsets.UTF_8);
        assertThat(ass).contains("Style: Caption,DejaVu Sans,");
        List<String> shown = new ArrayList<>();
        for (String line : ass.split("\n")) {
            if (line.startsWith("Dialogue:")) {
                String text = line.substring(line.indexOf(",,0,0,0,,") + 9).replaceAll("\\{[^}]*}", "");
                shown.addAll(List.of(text.split(" ")));
            }
        }
        List<String> words = scenes.stream().flatMap(scene -> List.of(scene.narration().split("\\s+")).stream()).toList();
        assertThat(String.join(" ", shown)).as("the captions show the narration's words").contains(words.get(0)).contains(words.get(words.size() - 1));
        assertThat(shown).containsAll(words);
    }

    /** Each platform got the job's video, described in the job's language. */
    private static void checkPublications(Path root, String jobId, String language) throws Exception {
        for (String platform : List.of("youtube", "tiktok")) {
            Path sidecar = root.resolve("outbox").resolve(platform).resolve(jobId + ".json");
            assertThat(sidecar).exists();
            assertThat(root.resolve("outbox").resolve(platform).resolve(jobId + ".mp4")).exists();
            assertThat(new ObjectMapper().readTree(sidecar.toFile()).path("language").asText()).isEqualTo(language);
        }
    }
}
