package io.cutline.distribution.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** A video file uploaded in chunks: read one chunk at a time from disk, so a large file never sits in memory whole. */
final class UploadFile {

    private UploadFile() {
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code length} bytes from byte {@code first}. */
    static byte[] chunk(FileChannel channel, long first, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, first + buffer.position()) < 0) {
                throw new IOException("the file ended at byte " + (first + buffer.position()));
            }
        }
        return buffer.array();
    }
}
