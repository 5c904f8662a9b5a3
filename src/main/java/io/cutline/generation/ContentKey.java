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

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
