package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.cutline.channel.Channel;
import org.junit.jupiter.api.Test;

class CaptionsTest {

    @Test
    void cuesCoverEveryNarrationWordInOrderWithinEachScene() {
        List<String> narration = List.of("One two three four five", "Six seven");
        List<SceneTiming.Span> spans = SceneTiming.spans(List.of(2.0, 1.0), 30);
        List<Captions.Cue> cues = Captions.cues(narration, spans, 2);
        assertThat(cues).extracting(Captions.Cue::text).containsExactly("One two", "three four", "five", "Six seven");
        assertThat(cues.get(0).start()).isZero();
        assertThat(cues.get(2).end()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cues.get(3).start()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cues.get(3).end()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 1; i < cues.size(); i++) {
            assertThat(cues.get(i).start()).isEqualTo(cues.get(i - 1).end(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void textCannotBecomeAnAssCommand() {
        assertThat(Captions.escape("a {\\b1} b \\N c\nd")).isEqualTo("a \\{\\\u200Bb1\\} b \\\u200BN c d");
    }

    @Test
    void writesTimesColoursAndTheStyle() {
        assertThat(Captions.time(3725.456)).isEqualTo("1:02:05.46");
        assertThat(Captions.assColor("#FF8800")).isEqualTo("&H000088FF");
        String ass = Captions.ass(List.of(new Captions.Cue(0, 1.5, "Hello: \"world\"")),
                new Channel.Captions("DejaVu Sans", 72, "#FFFFFF", "#101010", 3), 1080, 1920);
        assertThat(ass).contains("PlayResX: 1080\nPlayResY: 1920")
                .contains("Style: Caption,DejaVu Sans,72,&H00FFFFFF")
                .contains("Dialogue: 0,0:00:00.00,0:00:01.50,Caption,,0,0,0,,Hello: \"world\"\n");
    }
}
