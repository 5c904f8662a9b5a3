package io.cutline.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as an integrator would write one: it keeps every request, checks
 * its {@code Cutline-Signature} the way the README tells receivers to, and answers 500 to the first
 * {@code failFirst} requests (then 204).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The secret the test services sign with (set by the build, named by {@link #SECRET_VARIABLE}). */
    public static final String SECRET_VARIABLE = "CUTLINE_TEST_WEBHOOK_SECRET";

    /** One request received: its path, the headers Cutline sends, the raw body, what it was answered, and its Idempotency-Key (publishing). */
    public record Received(String path, String event, String delivery, String signature, String body, int answered, String idempotencyKey) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    public WebhookReceiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Cutline-Event"),
                    headers.getFirst("Cutline-Delivery"), headers.getFirst("Cutline-Signature"), body, status, headers.getFirst("Idempotency-Key")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Settings that send every event to {@code path} here, signed with the test secret, with short back-off. */
    public Map<String, String> settings(String path) {
        return Map.of("cutline.webhooks.urls", url(path), "cutline.webhooks.secret-env", SECRET_VARIABLE,
                "cutline.webhooks.poll-ms", "100", "cutline.webhooks.backoff-ms", "300", "cutline.webhooks.backoff-max-ms", "1000");
    }

    /**
     * Whether the request's signature is good: {@code t=<unix>,v1=<hex>}, where v1 is the HMAC-SHA256
     * with the shared secret of {@code "<t>.<raw body>"}, and t within five minutes of now.
     */
    public static boolean signedCorrectly(Received request, String secret) throws Exception {
        if (request.signature() == null) {
            return false;
        }
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : request.signature().split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0].trim(), pair.length == 2 ? pair[1].trim() : "");
        }
        long timestamp = Long.parseLong(parts.getOrDefault("t", "0"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        byte[] given = HexFormat.of().parseHex(parts.getOrDefault("v1", ""));
        return MessageDigest.isEqual(expected, given) && Math.abs(System.currentTimeMillis() / 1000 - timestamp) < 300;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
