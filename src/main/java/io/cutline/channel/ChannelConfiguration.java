package io.cutline.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The channel files, read and validated at start (an invalid file is reported and left out). */
public class ChannelConfiguration implements CamelConfiguration {

    @BindToRegistry
    public ChannelRegistry channelRegistry(Settings settings, ObjectMapper json) {
        ChannelRegistry channels = new ChannelRegistry(settings.path("cutline.channels.dir"), settings.path("cutline.signals.dir"), json);
        channels.reload();
        return channels;
    }
}
