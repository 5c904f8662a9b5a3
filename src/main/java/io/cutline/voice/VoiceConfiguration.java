package io.cutline.voice;

import io.cutline.channel.JobChannels;
import io.cutline.config.Settings;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.AudioDecoder;
import io.cutline.media.MediaStore;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderCatalog;
import io.cutline.voice.speech.VoiceProvider;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * Voice (routes/voice.yaml): each scene's narration synthesized by the channel's voice provider and
 * measured. The providers are every {@code cutline.voice.<name>} block.
 */
public class VoiceConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Narrator narrator(JobLedger jobs, StoryLedger stories, VoiceLedger voices, StepLog stepLog, JobChannels jobChannels,
                             Settings settings, AdapterKit kit, AudioAnalysis audio, AudioDecoder decoder, MediaStore media,
                             LanguageLedger languages, HookLedger hooks) {
        return new Narrator(jobs, stories, voices, stepLog, jobChannels,
                ProviderCatalog.build(settings.providers("cutline.voice"), kit, VoiceProvider.class),
                new NarrationRecorder(kit.probe(), audio, decoder, media), languages, hooks);
    }
}
