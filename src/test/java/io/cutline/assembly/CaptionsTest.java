package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.media.Fonts;
import io.cutline.model.WordTiming;
import org.junit.jupiter.api.Test;

class CaptionsTest {

    private static final Fonts FONTS = new Fonts(List.of("DejaVu Sans"));

    private static final List<WordTiming> FIRST = List.of(new WordTiming("One", 0.1, 0.3), new WordTiming("two,", 0.35, 0.6),
            new WordTiming("three", 0.8, 1.0), new WordTiming("four", 1.05, 1.3), new WordTiming("five.", 1.35, 1.8));
    private static final List<WordTiming> SECOND = List.of(new WordTiming("Six", 0.05, 0.4), new WordTiming("seven", 0.45, 0.9));

    @Test
    void cuesFollowTheWordTimingsAndCoverEachSceneWithoutGaps() {
        List<Captions.Cue> cues = Captions.cues(List.of(new Captions.SceneWords(0, 2.0, FIRST),
                new Captions.SceneWords(2.0, 3.0, SECOND)), 3, false);
        assertThat(cues).extracting(Captions.Cue::text).containsExactly("One two,", "three four five.", "Six seven");
        assertThat(cues.get(0).start()).isZero();
        assertThat(cues.get(0).end()).as("until the next chunk's first word").isCloseTo(0.8, within(1e-9));
        assertThat(cues.get(1).end()).as("until the scene ends").isCloseTo(2.0, within(1e-9));
        assertThat(cues.get(2).start()).isCloseTo(2.0, within(1e-9));
        assertThat(cues.get(2).end()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void highlightingMakesOneEventPerSpokenWord() {
        List<Captions.Cue> cues = Captions.cues(List.of(new Captions.SceneWords(10, 12, FIRST)), 5, true);
        assertThat(cues).hasSize(5);
        assertThat(cues).extracting(Captions.Cue::highlight).containsExactly(0, 1, 0, 1, 2);
        assertThat(cues.get(3).start()).isCloseTo(11.05, within(1e-9));
        String ass = Captions.ass(cues, new Channel.Captions("DejaVu Sans", 72, "#FFFFFF", "#101010", 5, "#FF8800"), FONTS, 1080, 1920);
        assertThat(ass).contains("{\\1c&H000088FF&}four{\\r}");
        assertThat(CaptionCoverage.problem(List.of("One two, three four five."), ass)).isEmpty();
    }

    @Test
    void textCannotBecomeAnAssCommand() {
        assertThat(Captions.escape("a {\\b1} b \\N c\nd")).isEqualTo("a \\{\\\u200Bb1\\} b \\\u200BN c d");
        assertThat(CaptionCoverage.plain(Captions.escape("a {\\b1} b \\N c"))).isEqualTo("a {\\b1} b \\N c");
    }

    @Test
    void coverageFindsAMissingOrChangedWord() {
        String ass = Captions.ass(Captions.cues(List.of(new Captions.SceneWords(0, 2, FIRST)), 3, false), null, FONTS, 1080, 1920);
        assertThat(CaptionCoverage.problem(List.of("One two, three four five."), ass)).isEmpty();
        assertThat(CaptionCoverage.problem(List.of("One two, three four five. Six"), ass)).hasValueSatisfying(problem ->
                assertThat(problem).contains("word 6 of 6").contains("'(end)'").contains("'six'"));
        assertThat(CaptionCoverage.problem(List.of("One two, THREE for five."), ass)).hasValueSatisfying(problem ->
                assertThat(problem).contains("word 4 of 5"));
    }

    @Test
    void writesTimesColoursAndTheStyle() {
        assertThat(Captions.time(3725.456)).isEqualTo("1:02:05.46");
        assertThat(Captions.assColor("#FF8800")).isEqualTo("&H000088FF");
        String ass = Captions.ass(List.of(new Captions.Cue(0, 1.5, List.of("Hello:", "\"world\""), -1)),
                new Channel.Captions("DejaVu Sans", 72, "#FFFFFF", "#101010", 3, null), FONTS, 1080, 1920);
        assertThat(ass).contains("PlayResX: 1080\nPlayResY: 1920")
                .contains("Style: Caption,DejaVu Sans,72,&H00FFFFFF")
                .contains("Dialogue: 0,0:00:00.00,0:00:01.50,Caption,,0,0,0,,Hello: \"world\"\n");
    }
}
