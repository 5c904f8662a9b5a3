package io.cutline.support;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelConfiguration;
import io.cutline.channel.ChannelRegistry;
import io.cutline.channel.ChannelVocabulary;
import io.cutline.config.Settings;
import io.cutline.model.Platforms;
import io.cutline.writer.StoryRules;
import io.cutline.writer.WriterConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/** The shipped {@code config/application.properties}, for unit tests that need what it configures. */
public final class ShippedConfig {

    private static final Settings SETTINGS = load();

    private ShippedConfig() {
    }

    public static Settings settings() {
        return SETTINGS;
    }

    private static Settings load() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:config/application.properties");
        return new Settings(context);
    }

    public static Platforms platforms() {
        return new ChannelConfiguration().platforms(settings());
    }

    /** The rules every brief and storyboard is held to, with the shipped tolerances and clip lengths. */
    public static StoryRules storyRules() {
        return new WriterConfiguration().storyRules(settings(), platforms());
    }

    /** The provider and platform names the shipped configuration defines. */
    public static ChannelVocabulary vocabulary() {
        return new ChannelVocabulary(settings().providers("cutline.generation").keySet(), settings().providers("cutline.voice").keySet(),
                platforms().names(), settings().providers("cutline.writer").keySet());
    }

    /** A channel registry over these directories, knowing the shipped providers and platforms (not yet loaded). */
    public static ChannelRegistry channels(Path channels, Path signals, ObjectMapper json) {
        return new ChannelRegistry(channels, signals, Path.of("config"), json, vocabulary());
    }
}
