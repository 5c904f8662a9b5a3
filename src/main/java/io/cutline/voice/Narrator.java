package io.cutline.voice;

import io.cutline.voice.speech.VoiceProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.JobChannels;
import io.cutline.model.PermanentFailure;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.model.Scene;

/**
 * The voice layer, per scene: has the narration recorded with the channel's voice provider and
 * measured before any clip is generated, so clips can be asked for at the right length; the same
 * scene of each language variant too, in its language (the clips, made once, must cover the longest);
 * and each hook variant's opening line, while the hook variants take the original's recording of every
 * other scene (the same words, paid for once). A scene whose voice track is in the ledger, with its
 * file, is not recorded again.
 */
public class Narrator {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final StepLog stepLog;
    private final JobChannels jobChannels;
    private final Map<String, VoiceProvider> providers;
    private final NarrationRecorder recorder;
    private final LanguageLedger languages;
    private final HookLedger hooks;

    public Narrator(JobLedger jobs, StoryLedger stories, VoiceLedger voices, StepLog stepLog, JobChannels jobChannels,
                    Map<String, VoiceProvider> providers, NarrationRecorder recorder, LanguageLedger languages, HookLedger hooks) {
        this.jobs = jobs;
        this.stories = stories;
        this.voices = voices;
        this.stepLog = stepLog;
        this.jobChannels = jobChannels;
        this.providers = Map.copyOf(providers);
        this.recorder = recorder;
        this.languages = languages;
        this.hooks = hooks;
    }

    public void narrate(String jobId, int sceneIndex) {
        // the job's format arm may narrate with another voice (its variants speak with it too)
        Channel channel = jobChannels.of(jobId);
        narrate(jobId, sceneIndex, channel, channel.language());
        for (LanguageLedger.Variant variant : languages.variants(jobId)) {
            narrate(variant.jobId(), sceneIndex, channel, variant.language());
        }
        for (HookLedger.Variant variant : hooks.madeVariants(jobId)) {
            if (sceneIndex == 0) {
                narrate(variant.jobId(), sceneIndex, channel, channel.language());
            } else {
                VoiceTrack shared = voices.find(jobId, sceneIndex).orElseThrow();
                voices.save(new VoiceTrack(variant.jobId(), sceneIndex, shared.provider(), shared.audioPath(), shared.durationSeconds(),
                        shared.words()));
            }
        }
    }

    private void narrate(String jobId, int sceneIndex, Channel channel, String language) {
        if (voices.find(jobId, sceneIndex).filter(track -> Files.isRegularFile(Path.of(track.audioPath()))).isPresent()) {
            return;
        }
        VoiceProvider provider = providers.get(channel.voice().provider());
        if (provider == null) {
            throw new PermanentFailure("no voice provider '" + channel.voice().provider() + "' (known: "
                    + String.join(", ", providers.keySet()) + ")");
        }
        Scene scene = stories.scene(jobId, sceneIndex);
        stepLog.begin(jobId, Step.VOICE, sceneIndex, jobs.require(jobId).attempt());
        try {
            VoiceTrack track = recorder.record(jobId, scene, channel.voice(), language, provider);
            voices.save(track);
            stepLog.succeed(jobId, Step.VOICE, sceneIndex, String.format("%.3f s, %d words", track.durationSeconds(), track.words().size()));
        } catch (RuntimeException e) {
            stepLog.fail(jobId, Step.VOICE, sceneIndex, e.getMessage());
            throw e;
        }
    }
}
