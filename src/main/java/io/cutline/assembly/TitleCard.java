package io.cutline.assembly;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.cutline.channel.Channel;
import io.cutline.media.Fonts;
import io.cutline.media.MediaStore;
import io.cutline.model.Rendition;

/**
 * The title a rendition's thumbnail shows, ready for drawtext: written, wrapped to the frame's
 * shape, to a file under a fixed name in the working directory, and the font family it is drawn in
 * (the channel's caption font if it has every glyph of the title, else a configured one that does).
 */
record TitleCard(String file, String font) {

    static TitleCard write(Path work, Rendition rendition, String title, Channel.Captions style, Fonts fonts) {
        String file = "title-" + rendition.name() + ".txt";
        String lines = TitleLines.wrap(title, rendition.height() > rendition.width() ? 18 : 32);
        MediaStore.writeWhole(work.resolve(file), lines.getBytes(StandardCharsets.UTF_8));
        return new TitleCard(file, fonts.forText(lines, style == null ? null : style.font()));
    }
}
