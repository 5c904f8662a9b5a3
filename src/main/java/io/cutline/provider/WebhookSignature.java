package io.cutline.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Cutline-Signature} header, as Stripe signs its webhooks: {@code t=<unix seconds>,v1=<hex>}
 * where {@code v1} is the HMAC-SHA256, keyed with the shared secret, of {@code "<t>.<body>"}. A
 * receiver recomputes it over the raw body and rejects a timestamp too far from its own clock.
 */
public final class WebhookSignature {

    public static final String HEADER = "Cutline-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
