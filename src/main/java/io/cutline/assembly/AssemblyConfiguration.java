package io.cutline.assembly;

import io.cutline.channel.JobChannels;
import io.cutline.config.Settings;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.ShortLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.media.AudioAnalysis;
import io.cutline.media.Fonts;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.media.ToolRunner;
import io.cutline.model.Platforms;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * Layer 4 (routes/assembly.yaml): the edit read from the ledger, one FFmpeg run for every rendition, then
 * the quality gates; the shorts cut from the video; a job's language variants released to assembly with its clips.
 */
public class AssemblyConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Assembler assembler(JobChannels jobChannels, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                               RenderLedger renders, QualityLedger quality, ToolRunner tools, MediaProbe probe, AudioAnalysis audio,
                               MediaStore media, Fonts fonts, Platforms platforms, Settings settings) {
        double loudness = settings.decimal("cutline.assembly.loudness-lufs");
        AudioMix mix = new AudioMix(tools, new AudioMix.Target(loudness, settings.decimal("cutline.assembly.mix-true-peak-db")));
        QualityGates gates = new QualityGates(new QualityGates.Targets(loudness, settings.decimal("cutline.assembly.loudness-tolerance-lu"),
                settings.decimal("cutline.assembly.true-peak-ceiling-db")), platforms);
        RenderGraph.Encoding encoding = new RenderGraph.Encoding(settings.integer("cutline.assembly.fps"),
                settings.text("cutline.assembly.preset"), settings.integer("cutline.assembly.crf"), settings.text("cutline.assembly.audio-bitrate"),
                settings.integer("cutline.assembly.draft-short-side"));
        return new Assembler(new EditReader(jobChannels, stories, voices, generations, encoding.fps()),
                new Renderer(tools, media, mix, encoding, settings.decimal("cutline.assembly.music-volume-db"),
                        settings.integer("cutline.generation.short-side"), fonts),
                new RenditionChecks(probe, audio, gates, quality, encoding.fps()), renders, media);
    }

    /** Shorts from a job's video, between {@code cutline.shorts.min-seconds} and {@code max-seconds} long unless its channel says otherwise. */
    @BindToRegistry
    public ShortCutter shortCutter(Assembler assembler, ShortLedger shorts, HookLedger hooks, Settings settings) {
        return new ShortCutter(assembler, shorts, hooks, settings.integer("cutline.assembly.fps"), settings.integer("cutline.shorts.min-seconds"),
                settings.integer("cutline.shorts.max-seconds"));
    }

    @BindToRegistry
    public VariantRelease variantRelease(StoryLedger stories, LanguageLedger languages, HookLedger hooks) {
        return new VariantRelease(stories, languages, hooks);
    }
}
