package io.cutline.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.support.ShippedConfig;
import io.cutline.support.TestedChannel;

import org.junit.jupiter.api.Test;

/**
 * A channel's testing block: its dimensions and their values, and the channel as a job given an arm
 * sees it (the arm's length band as its target, its hook style asked of the writer, its caption style).
 */
class ChannelTestingTest {

    @Test
    void lengthBandsAreArmsAndAnArmSetsTheTargetLength() {
        Channel.Testing testing = new Channel.Testing(List.of(15, 45), null, null);
        assertThat(testing.dimensions()).containsExactly(Map.entry("length", List.of("length-15s", "length-45s")));
        assertThat(testing.targetSeconds("length-45s")).hasValue(45);
        assertThat(testing.targetSeconds("length-99s")).isEmpty();
        Channel.Testing nothing = new Channel.Testing(null, null, null);
        assertThat(nothing.dimensions()).containsExactly(Map.entry("format", List.of(Channel.CHANNEL_FORMAT)));
        assertThat(nothing.targetSeconds(Channel.CHANNEL_FORMAT)).isEmpty();
    }

    @Test
    void anArmIsOneValueOfEachDimension() {
        Channel.Testing testing = new Channel.Testing(List.of(30), List.of("question", "bold-claim"), List.of("plain", "word-highlight"));
        assertThat(testing.dimensions().keySet()).containsExactly("length", "hook", "captions");
        assertThat(testing.dimensions().get("hook")).containsExactly("hook-question", "hook-bold-claim");
        String arm = Channel.Testing.arm(List.of("length-30s", "hook-bold-claim", "captions-plain"));
        assertThat(arm).isEqualTo("length-30s+hook-bold-claim+captions-plain");
        assertThat(Channel.Testing.values(arm)).containsExactly("length-30s", "hook-bold-claim", "captions-plain");
        assertThat(testing.targetSeconds(arm)).hasValue(30);
        assertThat(testing.hookStyle(arm)).hasValue("bold-claim");
        assertThat(testing.captionStyle(arm)).hasValue("plain");
        assertThat(testing.hookStyle("length-30s")).as("an arm from before hooks were tested").isEmpty();
    }

    @Test
    void aJobGivenAnArmSeesItsHookAndCaptionStyle() throws Exception {
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        channels.reload();
        Channel demo = channels.require("demo");
        Channel tested = TestedChannel.of(demo, new Channel.Testing(null, List.of("question", "story"), List.of("plain", "word-highlight")));

        Channel plain = tested.forArm("hook-story+captions-plain");
        assertThat(plain.hookStyle()).hasValue("story");
        assertThat(plain.writerProvider()).isEqualTo(demo.writerProvider());
        assertThat(plain.style().captions().highlightColor()).as("plain captions highlight nothing").isNull();
        Channel highlighted = tested.forArm("hook-question+captions-word-highlight");
        assertThat(highlighted.hookStyle()).hasValue("question");
        assertThat(highlighted.style().captions().highlightColor()).isNotNull();
        assertThat(highlighted.targetSeconds()).isEqualTo(demo.targetSeconds());
    }

    @Test
    void aJobGivenAnArmNarratesWithItsVoiceAndPrefersItsGenerator() throws Exception {
        ChannelRegistry channels = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        channels.reload();
        Channel demo = channels.require("demo");
        Channel tested = TestedChannel.of(demo, new Channel.Testing(null, null, null, List.of("en-us", "en-gb"), List.of("fal", "luma"), null, null));
        assertThat(tested.testing().dimensions()).containsExactly(Map.entry("voice", List.of("voice-en-us", "voice-en-gb")),
                Map.entry("generator", List.of("generator-fal", "generator-luma")));

        Channel given = tested.forArm("voice-en-gb+generator-luma");
        assertThat(given.voice().name()).isEqualTo("en-gb");
        assertThat(given.voice().provider()).isEqualTo(demo.voice().provider());
        assertThat(given.voice().wordsPerMinuteOrDefault()).isEqualTo(demo.voice().wordsPerMinuteOrDefault());
        assertThat(given.generationProvider()).isEqualTo("luma");
        assertThat(given.generationChain(null)).as("the channel's own provider next, then its fallbacks")
                .startsWith("luma", demo.generationProvider()).doesNotHaveDuplicates();
        assertThat(tested.forArm("voice-en-us+generator-fal").voice().name()).isEqualTo("en-us");
    }

    @Test
    void aPostingTimeArmIsATimeOfDayInTheChannelsZone() {
        Channel.Testing testing = new Channel.Testing(null, null, null, null, null, List.of("09:00", "18:30"), null);
        assertThat(testing.dimensions()).containsExactly(Map.entry("post", List.of("post-0900", "post-1830")));
        assertThat(testing.postingTime("post-1830")).hasValue(java.time.LocalTime.of(18, 30));
        assertThat(testing.postingTime(Channel.CHANNEL_FORMAT)).isEmpty();
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
