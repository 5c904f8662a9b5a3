package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cutline.media.Fonts;
import io.cutline.model.WordTiming;
import io.cutline.support.HostileText;
import io.cutline.support.Probe;
import io.cutline.support.TextInk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Captions show narration as written. Each caption goes through the ASS writer and is burnt into a
 * gray 640x360 frame by FFmpeg's ass filter (as the render does); the event's text, read back,
 * is the words as given with every ASS-special character escaped, and the drawn caption (white, the
 * only bright thing in the frame) is as wide as Java's own text engine sets the words in the same
 * font, so no brace, backslash or override was swallowed or turned into styling.
 */
class CaptionRenderingTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final Fonts FONTS = new Fonts(List.of("DejaVu Sans"));
    /** The ASS writer's default size (64 at 1080) at this frame's short side. */
    private static final int ASS_SIZE = Math.round(64 * HEIGHT / 1080f);
    private static final int TEXT_LUMA = 200;

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cutline.support.HostileText#cases")
    void theCaptionIsDrawnAsWritten(String kind, String narration) throws Exception {
        List<String> words = List.of(narration.strip().split("\\s+"));
        String ass = Captions.ass(List.of(new Captions.Cue(0, 5, words, -1)), null, FONTS, WIDTH, HEIGHT);
        String event = dialogueTexts(ass).get(0);
        assertThat(CaptionCoverage.plain(event)).isEqualTo(String.join(" ", words));
        assertThat(event).as("every backslash is followed by a zero-width space or a brace, every brace escaped")
                .doesNotContainPattern("\\\\[^\u200B{}]").doesNotContainPattern("(?<!\\\\)[{}]");

        String font = fontOf(ass);
        TextInk.Box ink = TextInk.of(frame(ass, 1.0), WIDTH, HEIGHT, TEXT_LUMA);
        int expected = TextInk.referenceWidth(String.join(" ", words), font, Font.BOLD, TextInk.assEm(font, Font.BOLD, ASS_SIZE));
        assertThat(ink.empty()).as("a caption is drawn").isFalse();
        assertThat(ink.width()).as("drawn width of %s", String.join(" ", words)).isCloseTo(expected, within(3 + expected / 25));
    }

    /**
     * Captions of a channel's other languages: set in a configured font that has every glyph (DejaVu
     * Sans for Hebrew and Arabic; WenQuanYi Micro Hei, which bin/cutline installs, for Chinese and
     * Japanese), and drawn as wide as Java's text engine (which shapes and orders them too) sets them in
     * that font: a missing glyph would be drawn as a box of another width.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"Hebrew, שלום לכל העולם", "Arabic, مرحبا بالعالم الجميل", "Chinese, 你好 美丽的 世界", "Japanese, こんにちは 世界"})
    void rightToLeftAndCjkCaptionsAreDrawnInAFontWithTheirGlyphs(String script, String narration) throws Exception {
        Fonts fonts = new Fonts(List.of("DejaVu Sans", "WenQuanYi Micro Hei"));
        List<String> words = List.of(narration.split(" "));
        String ass = Captions.ass(List.of(new Captions.Cue(0, 5, words, -1)), null, fonts, WIDTH, HEIGHT);
        String font = fontOf(ass);
        assertThat(new Font(font, Font.PLAIN, 12).canDisplayUpTo(narration)).as("%s has every glyph of the %s caption", font, script)
                .isEqualTo(-1);
        int expected = TextInk.referenceWidth(narration, font, Font.BOLD, TextInk.assEm(font, Font.BOLD, ASS_SIZE));
        assertThat(TextInk.of(frame(ass, 1.0), WIDTH, HEIGHT, TEXT_LUMA).width()).as("drawn width of %s", narration)
                .isCloseTo(expected, within(3 + expected / 25));
    }

    /**
     * Hebrew is laid out right to left (libass with FriBidi): a caption reads the same as its letters
     * reversed and forced left to right (a left-to-right override), and not as the letters in stored order.
     */
    @Test
    void hebrewCaptionsAreLaidOutRightToLeft() throws Exception {
        byte[] hebrew = frame(Captions.ass(List.of(new Captions.Cue(0, 5, List.of("אבגד"), -1)), null, FONTS, WIDTH, HEIGHT), 1.0);
        byte[] reversed = frame(Captions.ass(List.of(new Captions.Cue(0, 5, List.of("\u202Dדגבא\u202C"), -1)), null, FONTS, WIDTH, HEIGHT), 1.0);
        byte[] stored = frame(Captions.ass(List.of(new Captions.Cue(0, 5, List.of("\u202Dאבגד\u202C"), -1)), null, FONTS, WIDTH, HEIGHT), 1.0);
        TextInk.Box ink = TextInk.of(hebrew, WIDTH, HEIGHT, TEXT_LUMA);
        int top = Math.max(0, ink.top() - 2);
        int bottom = Math.min(HEIGHT, ink.bottom() + 3);
        assertThat(Probe.meanDifference(hebrew, reversed, WIDTH, top, bottom)).as("drawn right to left").isLessThan(1.0);
        assertThat(Probe.meanDifference(hebrew, stored, WIDTH, top, bottom)).as("not in stored order").isGreaterThan(3.0);
    }

    @Test
    void aLineBreakOrControlCharacterInsideAWordIsASpaceAndTheCoverageGateAgrees() {
        String ass = Captions.ass(List.of(new Captions.Cue(0, 1, List.of("one\ntwo", "three\u0000four"), -1)), null, FONTS, WIDTH, HEIGHT);
        assertThat(dialogueTexts(ass)).containsExactly("one two three four");
        assertThat(CaptionCoverage.problem(List.of("one\ntwo three\u0000four"), ass)).isEmpty();
    }

    /**
     * A 10,000-character narration of every kind of hostile text: every word is captioned in order
     * (the coverage gate passes), and captions far apart on the time line are each drawn whole.
     */
    @Test
    void aTenThousandCharacterNarrationIsCaptionedWordForWord() throws Exception {
        List<WordTiming> timings = new ArrayList<>();
        StringBuilder narration = new StringBuilder();
        List<String> kinds = HostileText.words();
        for (int i = 0; narration.length() < 10_000; i++) {
            String word = kinds.get(i % kinds.size());
            narration.append(word).append(' ');
            timings.add(new WordTiming(word, i * 0.1, i * 0.1 + 0.08));
        }
        double end = timings.size() * 0.1;
        List<Captions.Cue> cues = Captions.cues(List.of(new Captions.SceneWords(0, end, timings)), 3, false);
        String ass = Captions.ass(cues, null, FONTS, WIDTH, HEIGHT);
        assertThat(narration.length()).isGreaterThanOrEqualTo(10_000);
        assertThat(CaptionCoverage.problem(List.of(narration.toString()), ass)).isEmpty();
        assertThat(dialogueTexts(ass)).hasSize(cues.size());

        String font = fontOf(ass);
        for (Captions.Cue cue : List.of(cues.get(1), cues.get(cues.size() / 2), cues.get(cues.size() - 1))) {
            double at = (cue.start() + cue.end()) / 2;
            int expected = TextInk.referenceWidth(cue.text(), font, Font.BOLD, TextInk.assEm(font, Font.BOLD, ASS_SIZE));
            assertThat(TextInk.of(frame(ass, at), WIDTH, HEIGHT, TEXT_LUMA).width()).as("caption at %.1f s: %s", at, cue.text())
                    .isCloseTo(expected, within(3 + expected / 25));
        }
    }

    private static List<String> dialogueTexts(String ass) {
        return ass.lines().filter(line -> line.startsWith("Dialogue:")).map(line -> line.split(",", 10)[9]).toList();
    }

    private static String fontOf(String ass) {
        return ass.lines().filter(line -> line.startsWith("Style: Caption,")).findFirst().orElseThrow().split(",")[1];
    }

    /** The frame at {@code seconds} of a gray picture with the captions burnt in. */
    private byte[] frame(String ass, double seconds) throws Exception {
        Files.writeString(work.resolve("captions.ass"), ass, StandardCharsets.UTF_8);
        Probe.runIn(work, List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                String.format(Locale.ROOT, "color=c=gray:s=%dx%d:r=1:d=1", WIDTH, HEIGHT), "-vf",
                String.format(Locale.ROOT, "settb=1/1000,setpts=PTS+%.3f/TB,ass=captions.ass", seconds), "-frames:v", "1", "frame.png"));
        return Probe.grayImage(work.resolve("frame.png"), WIDTH, HEIGHT);
    }
}
