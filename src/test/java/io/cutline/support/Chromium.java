package io.cutline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium (Debian's {@code chromium} package; bin/cutline test installs it) driven
 * over the DevTools protocol on a loopback WebSocket: navigate, run JavaScript in the page, take a
 * screenshot. No WebDriver: the protocol is what the test needs and needs no driver binary. Errors
 * the page logs (an uncaught exception, a Content-Security-Policy refusal) are collected; answers
 * with an error status (the network's log entries) are left to the test, which expects some.
 */
public final class Chromium implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());

    private Chromium(Process process, Path profile, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
        call("Log.enable", Map.of());
    }

    /**
     * Starts a headless browser with a fresh profile under {@code directory}, showing a {@code width}x{@code height} window.
     * Without the sandbox: CI runs the tests as root, where Chromium's sandbox will not start; the page is our own, on loopback.
     */
    public static Chromium start(Path directory, int width, int height) throws Exception {
        Path profile = Files.createDirectories(directory.resolve("chromium-profile"));
        Process process = new ProcessBuilder(binary(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).redirectOutput(directory.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Await.until("Chromium's DevTools port (log: " + directory.resolve("chromium.log") + ")", Duration.ofSeconds(60),
                () -> Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2 || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + Files.readString(directory.resolve("chromium.log")));
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : new ObjectMapper().readTree(targets.body())) {
            if (target.path("type").asText().equals("page")) {
                return new Chromium(process, profile, URI.create(target.path("webSocketDebuggerUrl").asText()));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Chromium shows no page: " + targets.body());
    }

    /** The browser binary: Debian's {@code chromium}, or what {@code CUTLINE_TEST_CHROMIUM} names. */
    public static String binary() {
        String named = System.getenv("CUTLINE_TEST_CHROMIUM");
        return named == null || named.isBlank() ? "chromium" : named;
    }

    /** Opens {@code url} and waits until the document and its scripts have loaded. */
    public void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        waitFor("the page at " + url + " to load", "document.readyState === 'complete' && location.href === " + json.writeValueAsString(url),
                Duration.ofSeconds(30));
    }

    /** The value of a JavaScript expression in the page (a promise is awaited); a thrown error fails the call. */
    public JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until a JavaScript expression is true in the page. */
    public void waitFor(String what, String expression, Duration timeout) throws Exception {
        Await.until(what, timeout, Duration.ofMillis(200), () -> eval("Boolean(" + expression + ")").asBoolean());
    }

    /** Writes a PNG of the whole page to {@code file}. */
    public Path screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** What the page reported as errors so far: uncaught exceptions and error log entries (CSP refusals among them). */
    public List<String> pageErrors() {
        return List.copyOf(pageErrors);
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        socket.sendText(json.writeValueAsString(message), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.path("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Collects a message's fragments, then settles the call it answers or records what the page logged. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                receive(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void receive(String raw) {
            try {
                JsonNode message = json.readTree(raw);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> call = calls.remove(message.path("id").asInt());
                    if (call != null) {
                        call.complete(message);
                    }
                } else if (message.path("method").asText().equals("Runtime.exceptionThrown")) {
                    pageErrors.add(message.path("params").path("exceptionDetails").toString());
                } else if (message.path("method").asText().equals("Log.entryAdded")
                        && message.path("params").path("entry").path("level").asText().equals("error")
                        && !message.path("params").path("entry").path("source").asText().equals("network")) {
                    pageErrors.add(message.path("params").path("entry").path("text").asText());
                }
            } catch (IOException e) {
                pageErrors.add("unreadable DevTools message: " + e.getMessage());
            }
        }
    }
}
