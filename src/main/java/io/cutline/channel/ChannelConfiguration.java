package io.cutline.channel;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.ProviderSettings;
import io.cutline.config.Settings;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.model.PlatformRules;
import io.cutline.model.Platforms;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The channel files, read and validated at start (an invalid file is reported and left out), and
 * the platforms a channel may publish to: every {@code cutline.distribution.<platform>} block.
 */
public class ChannelConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Platforms platforms(Settings settings) {
        Map<String, PlatformRules> rules = new TreeMap<>();
        settings.providers("cutline.distribution").forEach((name, block) -> rules.put(name, rules(block)));
        return new Platforms(rules);
    }

    @BindToRegistry
    public ChannelRegistry channelRegistry(Settings settings, ObjectMapper json, Platforms platforms) {
        ChannelRegistry channels = registry(settings, json, platforms);
        channels.reload();
        return channels;
    }

    @BindToRegistry
    public JobChannels jobChannels(JobLedger jobs, ChannelRegistry channels, LearningLedger learning) {
        return new JobChannels(jobs, channels, learning);
    }

    /** The registry over the configured directories, not loaded yet ({@code cutline validate} only scans it). */
    public static ChannelRegistry registry(Settings settings, ObjectMapper json, Platforms platforms) {
        return new ChannelRegistry(settings.path("cutline.channels.dir"), settings.path("cutline.signals.dir"),
                settings.path("cutline.config.dir"), json,
                new ChannelVocabulary(settings.providers("cutline.generation").keySet(), settings.providers("cutline.voice").keySet(),
                        platforms.names(), settings.providers("cutline.writer").keySet()));
    }

    private static PlatformRules rules(ProviderSettings block) {
        return new PlatformRules(block.name(), block.integer("title-max"), block.integer("description-max"), block.integer("hashtag-max"),
                limits(block, "video"), limits(block, block.optional("vertical-video").isPresent() ? "vertical-video" : "video"));
    }

    private static PlatformRules.VideoLimits limits(ProviderSettings block, String key) {
        try {
            return PlatformRules.VideoLimits.parse(block.text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("property " + block.property(key) + ": " + e.getMessage(), e);
        }
    }
}
