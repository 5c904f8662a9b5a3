package io.cutline.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Answers with the {@link JobMedia.MediaFile} in the body: the whole file (200), or the one byte
 * range a {@code Range: bytes=} header asks for (206; a player seeking in a video), at most
 * {@code maxRangeBytes} of it at a time so a range request never holds a whole video in memory. A
 * range past the end is refused (416); several ranges, or a malformed header, get the whole file,
 * as RFC 9110 allows.
 */
public class MediaAnswer {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final int maxRangeBytes;

    public MediaAnswer(int maxRangeBytes) {
        this.maxRangeBytes = maxRangeBytes;
    }

    public void send(Exchange exchange) {
        Message message = exchange.getMessage();
        JobMedia.MediaFile file = message.getBody(JobMedia.MediaFile.class);
        String range = message.getHeader("Range", String.class);
        message.removeHeader("Range");
        try {
            long length = Files.size(file.path());
            message.setHeader(Exchange.CONTENT_TYPE, file.contentType());
            message.setHeader("Accept-Ranges", "bytes");
            message.setHeader("Cache-Control", "private, max-age=60");
            Matcher wanted = range == null ? null : RANGE.matcher(range.trim());
            if (wanted == null || !wanted.matches() || (wanted.group(1).isEmpty() && wanted.group(2).isEmpty())) {
                message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                message.setBody(Files.newInputStream(file.path()));
                return;
            }
            long first;
            long last;
            if (wanted.group(1).isEmpty()) {
                first = Math.max(0, length - Long.parseLong(wanted.group(2)));
                last = length - 1;
            } else {
                first = Long.parseLong(wanted.group(1));
                last = wanted.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(wanted.group(2)), length - 1);
            }
            if (first >= length || last < first) {
                throw new ApiProblem(416, "range '" + JobApi.printable(range) + "' is outside the file (" + length + " bytes)",
                        Map.of("Content-Range", "bytes */" + length));
            }
            last = Math.min(last, first + maxRangeBytes - 1);
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 206);
            message.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + length);
            message.setBody(read(file, first, (int) (last - first + 1)));
        } catch (NumberFormatException e) {
            throw new ApiProblem(416, "range '" + JobApi.printable(range) + "' is too large");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    private static byte[] read(JobMedia.MediaFile file, long first, int size) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(size);
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && channel.read(bytes, first + bytes.position()) >= 0) {
                // reads until the slice is full (or the file ended under us)
            }
        }
        return bytes.position() == size ? bytes.array() : java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }
}
