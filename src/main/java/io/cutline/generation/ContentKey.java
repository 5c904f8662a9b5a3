package io.cutline.generation;

import io.cutline.generation.clip.ClipRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The identity of a generation: SHA-256 of provider, model and the request's canonical JSON. */
public final class ContentKey {

    private ContentKey() {
    }

    public static String of(String provider, String model, ClipRequest request, ObjectMapper json) {
        try {
            return sha256(provider + "\n" + model + "\n" + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The mark a submission carries for the provider to find it by: the content key, with the
     * attempt number after the first (a provider may refuse a key it has seen, even on a failed task).
     */
    static String marker(String key, int attempt) {
        return attempt <= 1 ? key : key + "-a" + attempt;
    }

    /** The content key a {@link #marker(String, int) marker} was made from. */
    public static String keyOf(String marker) {
        return marker.replaceFirst("-a\\d+$", "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
