package io.cutline.voice;

import io.cutline.model.WordTiming;
import io.cutline.voice.speech.WordTimings;

import io.cutline.voice.speech.VoiceProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.model.PermanentFailure;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.AudioDecoder;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.model.Scene;

/**
 * The voice layer, per scene: synthesizes the narration with the channel's voice provider and
 * measures it with ffprobe before any clip is generated, so clips can be asked for at the right
 * length. Compressed audio is decoded to WAV first, so the measured length is exactly what plays.
 * Word timings come from the provider, or are estimated from the audio's pauses.
 */
public class Narrator {

    /** Quieter than this for longer than that is a pause between words or phrases (for estimated timings). */
    private static final double SILENCE_THRESHOLD_DB = -35;
    private static final double SILENCE_MINIMUM_SECONDS = 0.12;

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final StepLog stepLog;
    private final ChannelRegistry channels;
    private final Map<String, VoiceProvider> providers;
    private final MediaProbe probe;
    private final AudioAnalysis audio;
    private final AudioDecoder decoder;
    private final MediaStore media;

    public Narrator(JobLedger jobs, StoryLedger stories, VoiceLedger voices, StepLog stepLog, ChannelRegistry channels,
                    Map<String, VoiceProvider> providers, MediaProbe probe, AudioAnalysis audio, AudioDecoder decoder, MediaStore media) {
        this.jobs = jobs;
        this.stories = stories;
        this.voices = voices;
        this.stepLog = stepLog;
        this.channels = channels;
        this.providers = Map.copyOf(providers);
        this.probe = probe;
        this.audio = audio;
        this.decoder = decoder;
        this.media = media;
    }

    public void narrate(String jobId, int sceneIndex) {
        if (voices.find(jobId, sceneIndex).filter(track -> Files.isRegularFile(Path.of(track.audioPath()))).isPresent()) {
            return;
        }
        Channel channel = channels.require(jobs.require(jobId).channelId());
        VoiceProvider provider = providers.get(channel.voice().provider());
        if (provider == null) {
            throw new PermanentFailure("no voice provider '" + channel.voice().provider() + "' (known: "
                    + String.join(", ", providers.keySet()) + ")");
        }
        Scene scene = stories.scene(jobId, sceneIndex);
        stepLog.begin(jobId, Step.VOICE, sceneIndex, jobs.require(jobId).attempt());
        try {
            Path target = media.voicePath(jobId, sceneIndex, "wav");
            List<WordTiming> words;
            if (provider.audioExtension().equals("wav")) {
                words = provider.synthesize(channel.voice(), channel.language(), scene.narration(), target);
            } else {
                Path delivered = media.voicePath(jobId, sceneIndex, provider.audioExtension());
                words = provider.synthesize(channel.voice(), channel.language(), scene.narration(), delivered);
                decoder.toWav(delivered, target);
            }
            MediaInfo measured = probe.probe(target);
            if (measured.audio().isEmpty()) {
                throw new CorruptMediaException(target, "no audio stream");
            }
            if (words.isEmpty()) {
                words = WordTimings.estimate(scene.narration(), measured.durationSeconds(),
                        audio.silences(target, SILENCE_THRESHOLD_DB, SILENCE_MINIMUM_SECONDS));
            }
            voices.save(new VoiceTrack(jobId, sceneIndex, provider.name(), target.toString(), measured.durationSeconds(), words));
            stepLog.succeed(jobId, Step.VOICE, sceneIndex, String.format("%.3f s, %d words", measured.durationSeconds(), words.size()));
        } catch (RuntimeException e) {
            stepLog.fail(jobId, Step.VOICE, sceneIndex, e.getMessage());
            throw e;
        }
    }
}
