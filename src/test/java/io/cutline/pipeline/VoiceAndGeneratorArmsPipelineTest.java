package io.cutline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cutline.api.JobView;
import io.cutline.api.JobViews;
import io.cutline.channel.Channel;
import io.cutline.emulator.ProviderEmulator;
import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.ledger.LearningLedger;
import io.cutline.support.EmulatedProviders;
import io.cutline.support.HostedSettings;
import io.cutline.support.TestService;
import org.junit.jupiter.api.Test;

/**
 * The voice and the generator tier as format arms: a channel that tests two ElevenLabs voices and two
 * generators (fal, its own, and Luma) gives each job an arm, and the job is narrated in the arm's voice
 * rather than the channel's own (every line ElevenLabs billed names it) and its clips are made by the
 * arm's generator.
 */
class VoiceAndGeneratorArmsPipelineTest {

    private static final List<String> VOICES = List.of("21m00Tcm4TlvDq8ikWAM", "EXAVITQu4vr4xnAvxlKl");

    @Test
    void eachJobIsNarratedInItsArmsVoiceAndGeneratedByItsArmsGenerator() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start("127.0.0.1", 0, System.getenv(EmulatedProviders.KEY_VARIABLE), 23)) {
            Path root = TestService.newRoot("voice-generator-arms");
            Path channels = HostedSettings.quickChannelOn(root, "fal");
            Path channel = channels.resolve("quick.yaml");
            Files.writeString(channel, Files.readString(channel)
                    .replace("provider: espeak", "provider: elevenlabs").replace("name: en-us", "name: pNInz6obpgDQGcFmaJgB")
                    + "testing:\n  voices: [" + String.join(", ", VOICES) + "]\n  generators: [fal, luma]\n");
            Map<String, String> settings = new HashMap<>(HostedSettings.emulated(emulator));
            settings.put("cutline.channels.dir", channels.toString());
            settings.put("cutline.signals.dir", "src/test/resources/signals");
            // the emulator's speech is made with espeak-ng and ffmpeg: a loaded machine can take longer than the emulated default of 2 s
            settings.put("cutline.providers.response-timeout-ms", "15000");

            try (TestService service = new TestService(root, settings).start()) {
                LearningLedger learning = service.bean("learningLedger", LearningLedger.class);
                JobViews views = service.bean("jobViews", JobViews.class);
                for (int i = 0; i < 2; i++) {
                    String id = service.submit("quick");
                    Job job = service.awaitEnd(id, Duration.ofMinutes(3));
                    assertThat(job.state()).as("%s", job.failureReason()).isEqualTo(JobState.DONE);
                    String arm = learning.arm(id).orElseThrow().arm();
                    List<String> values = Channel.Testing.values(arm);
                    assertThat(values).hasSize(2);
                    String voice = values.get(0).substring("voice-".length());
                    String generator = values.get(1).substring("generator-".length());
                    assertThat(VOICES).contains(voice);

                    JobView view = views.describe(id);
                    Set<String> billed = emulator.billing().inputs("elevenlabs");
                    for (JobView.SceneView scene : view.scenes()) {
                        assertThat(billed).as("scene %d narrated in %s's voice", scene.index(), arm)
                                .anyMatch(input -> input.endsWith("|" + voice + "|" + scene.narration()));
                        assertThat(billed).noneMatch(input -> !input.contains("|" + voice + "|") && input.endsWith("|" + scene.narration()));
                        assertThat(scene.clips()).as("scene %d's clips", scene.index()).isNotEmpty()
                                .allSatisfy(clip -> assertThat(clip.provider()).isEqualTo(generator));
                    }
                    System.out.printf("voice and generator arms: job %d given %s%n", i + 1, arm);
                }
            }
        }
    }
}
