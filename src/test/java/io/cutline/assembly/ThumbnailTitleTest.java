package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Font;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cutline.channel.Channel;
import io.cutline.media.Fonts;
import io.cutline.model.Rendition;
import io.cutline.support.Probe;
import io.cutline.support.TextInk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thumbnail titles are drawn as written. Each title goes through the title card and the thumbnail
 * graph onto a plain gray frame at 360x640; the title file holds the title's words as given, and the
 * drawn text (white, brighter than anything else in the picture) is as wide as Java's own text
 * engine sets the same lines in the same font. With drawtext's expansion on, a '%' erased the whole
 * title and '%{localtime}' became the date; neither matches.
 */
class ThumbnailTitleTest {

    private static final Rendition RENDITION = new Rendition("test", 360, 640);
    private static final Fonts FONTS = new Fonts(List.of("DejaVu Sans"));
    private static final int TEXT_LUMA = 200;

    @TempDir
    static Path work;

    @BeforeAll
    static void grayClip() throws Exception {
        Probe.runIn(work, List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=90x160:r=10:d=0.5",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "clip.mp4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cutline.support.HostileText#cases")
    void theTitleIsDrawnAsWritten(String kind, String title) throws Exception {
        TitleCard card = TitleCard.write(work, RENDITION, title, null, FONTS);
        String lines = Files.readString(work.resolve(card.file()), StandardCharsets.UTF_8);
        assertThat(lines.replace('\n', ' ')).as("the title file holds the words as given").isEqualTo(title.replaceAll("\\s+", " "));

        TextInk.Box ink = TextInk.of(thumbnail(card), RENDITION.width(), RENDITION.height(), TEXT_LUMA);
        int expected = TextInk.referenceWidth(lines, card.font(), Font.PLAIN, RenderGraph.titleFontSize(output()));
        assertThat(ink.empty()).as("a title is drawn").isFalse();
        assertThat(ink.width()).as("drawn width of %s", lines).isCloseTo(expected, within(3 + expected / 25));
    }

    @Test
    void anEmptyTitleDrawsNothing() throws Exception {
        TitleCard card = TitleCard.write(work, RENDITION, " \n ", null, FONTS);
        assertThat(Files.readString(work.resolve(card.file()))).isEmpty();
        assertThat(TextInk.of(thumbnail(card), RENDITION.width(), RENDITION.height(), TEXT_LUMA).empty()).isTrue();
    }

    @Test
    void controlCharactersAreSpacesAndALongWordIsBrokenToStayOnThePicture() throws Exception {
        String word = "Supercalifragilisticexpialidocious";
        TitleCard card = TitleCard.write(work, RENDITION, "cut\u0000here\ttab " + word, null, FONTS);
        String lines = Files.readString(work.resolve(card.file()));
        assertThat(lines).isEqualTo("cut here tab\nSupercalifragilist\nicexpialidocious");

        TextInk.Box ink = TextInk.of(thumbnail(card), RENDITION.width(), RENDITION.height(), TEXT_LUMA);
        assertThat(ink.left()).isPositive();
        assertThat(ink.right()).isLessThan(RENDITION.width() - 1);
        assertThat(ink.width()).isCloseTo(TextInk.referenceWidth(lines, card.font(), Font.PLAIN, RenderGraph.titleFontSize(output())),
                within(8));
    }

    @Test
    void theChannelsFontIsUsedWhenItHasTheGlyphsElseOneThatHas() {
        Fonts fonts = new Fonts(List.of("DejaVu Sans"));
        Channel.Captions serif = new Channel.Captions("DejaVu Serif", null, null, null, null, null);
        assertThat(TitleCard.write(work, RENDITION, "Plain Latin", serif, fonts).font()).isEqualTo("DejaVu Serif");
        assertThat(TitleCard.write(work, RENDITION, "שלום", serif, fonts).font()).as("DejaVu Serif has no Hebrew").isEqualTo("DejaVu Sans");
    }

    private static RenderGraph.Output output() {
        return new RenderGraph.Output(RENDITION.width(), RENDITION.height(), false, "unused.ass", null);
    }

    private static byte[] thumbnail(TitleCard card) throws Exception {
        Path image = work.resolve("thumbnail.jpg");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(RenderGraph.thumbnail(work.resolve("clip.mp4"), 0.2, 90, 160, output(), card.file(), card.font(), image));
        Probe.runIn(work, command);
        return Probe.grayImage(image, RENDITION.width(), RENDITION.height());
    }
}
