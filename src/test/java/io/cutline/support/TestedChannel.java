package io.cutline.support;

import io.cutline.channel.Channel;

/** A channel as if its file listed {@code testing}: the format dimensions the feedback loop tests. */
public final class TestedChannel {

    private TestedChannel() {
    }

    public static Channel of(Channel channel, Channel.Testing testing) {
        return new Channel(channel.id(), channel.name(), channel.niche(), channel.language(), channel.voice(), channel.style(), channel.platforms(),
                channel.format(), channel.targetSeconds(), channel.schedule(), channel.budget(), channel.signals(), channel.generation(),
                channel.music(), channel.renditions(), channel.writer(), channel.webhooks(), channel.topics(), testing, channel.languages(),
                channel.publishing(), channel.shorts());
    }
}
