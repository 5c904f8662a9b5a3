package io.cutline.generation.clip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.cutline.model.PermanentFailure;

/**
 * An image a clip starts from (image-to-video). Its SHA-256 is part of the clip request, so another
 * image is another generation; the bytes are read when the request is sent.
 */
public record FirstFrame(String path, String sha256, String mimeType) {

    /** What the providers that take an inline image accept (Runway caps data URIs at 5 MB). */
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "webp", "image/webp");

    /** Reads and fingerprints the image; a missing, oversized or non-image file is a permanent error naming it. */
    public static FirstFrame of(Path image) {
        String name = image.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new PermanentFailure("first frame " + image + ": not a .png, .jpg or .webp image");
        }
        byte[] bytes = read(image);
        if (bytes.length > MAX_BYTES) {
            throw new PermanentFailure("first frame " + image + ": " + bytes.length + " bytes, more than the 5 MB providers take inline");
        }
        try {
            return new FirstFrame(image.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), type);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image as base64 (no prefix). */
    public String base64() {
        return Base64.getEncoder().encodeToString(read(Path.of(path)));
    }

    /** The image as a {@code data:} URI. */
    public String dataUri() {
        return "data:" + mimeType + ";base64," + base64();
    }

    private static byte[] read(Path image) {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw new PermanentFailure("first frame " + image + " cannot be read: " + e.getMessage(), e);
        }
    }
}
