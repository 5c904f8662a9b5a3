package io.cutline.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The top-level boxes of an MP4 file, in order (to see that moov comes before mdat: faststart). */
public final class Mp4Boxes {

    private Mp4Boxes() {
    }

    public static List<String> topLevel(Path file) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            long remaining = Files.size(file);
            while (remaining >= 8) {
                long size = in.readInt() & 0xffffffffL;
                byte[] type = in.readNBytes(4);
                long header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                in.skipNBytes(size - header);
                remaining -= size;
            }
        }
        return boxes;
    }
}
