package io.cutline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.support.ShippedConfig;

import org.junit.jupiter.api.Test;

/** A channel's testing block: its arms, and the channel as a job given an arm sees it (the arm's length band as its target). */
class ChannelTestingTest {

    @Test
    void lengthBandsAreArmsAndAnArmSetsTheTargetLength() {
        Channel.Testing testing = new Channel.Testing(List.of(15, 45));
        assertThat(testing.arms()).containsExactly("length-15s", "length-45s");
        assertThat(testing.targetSeconds("length-45s")).hasValue(45);
        assertThat(testing.targetSeconds("length-99s")).isEmpty();
        assertThat(new Channel.Testing(null).arms()).containsExactly(Channel.CHANNEL_FORMAT);
        assertThat(new Channel.Testing(null).targetSeconds(Channel.CHANNEL_FORMAT)).isEmpty();
    }

    @Test
    void aJobGivenAnArmSeesItsLengthBand() throws Exception {
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        channels.reload();
        Channel demo = channels.require("demo");
        Channel banded = demo.withTargetSeconds(45);
        assertThat(banded.targetSeconds()).isEqualTo(45);
        assertThat(banded.withTargetSeconds(demo.targetSeconds())).isEqualTo(demo);
        assertThat(demo.forArm(Channel.CHANNEL_FORMAT)).isSameAs(demo);
    }
}
