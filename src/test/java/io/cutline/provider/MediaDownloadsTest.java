package io.cutline.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated media is fetched as untrusted input: the scheme, the host, every redirect, the size and the time are checked. */
class MediaDownloadsTest {

    private static final HostPatterns CDN = HostPatterns.parse("cutline.generation.acme.download-hosts", "*.cloudfront.net, media.acme.test");
    private static final HostPatterns NONE = HostPatterns.parse("cutline.generation.acme.download-hosts", "");

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/clip.mp4", exchange -> answer(exchange, 200, new byte[200_000]));
        server.createContext("/big.mp4", exchange -> answer(exchange, 200, new byte[3 * 1024 * 1024]));
        server.createContext("/empty.mp4", exchange -> answer(exchange, 200, new byte[0]));
        server.createContext("/gone.mp4", exchange -> answer(exchange, 404, "{\"error\":{\"message\":\"no such file\"}}".getBytes()));
        server.createContext("/to-elsewhere", exchange -> redirect(exchange, "https://evil.example/x.mp4"));
        server.createContext("/to-other-name", exchange -> redirect(exchange, "http://localhost:" + port() + "/clip.mp4"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/stall.mp4", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[1000]);
                body.flush();
                Thread.sleep(5000);
            } catch (InterruptedException | IOException e) {
                // the client hung up
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aClipFromAnAllowedPlaceIsSavedWhole() throws IOException {
        Path target = dir.resolve("clip.mp4");
        loopbackAllowed().fetch("acme", local("/clip.mp4"), Map.of("Authorization", "Key k"), NONE, target);
        assertThat(Files.size(target)).isEqualTo(200_000);
        assertThat(authorizations).containsExactly("Key k");
    }

    @Test
    void onlyHttpsFromTheListedHostsIsFetched() {
        MediaDownloads downloads = strict();
        assertThatThrownBy(() -> downloads.fetch("acme", "http://d1.cloudfront.net/x.mp4", Map.of(), CDN, dir.resolve("a.mp4")))
                .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("only https");
        assertThatThrownBy(() -> downloads.fetch("acme", "https://evil.example/x.mp4", Map.of(), CDN, dir.resolve("b.mp4")))
                .isInstanceOf(DownloadRefusedException.class)
                .hasMessageContaining("host evil.example is not in cutline.generation.acme.download-hosts (*.cloudfront.net, media.acme.test)");
        assertThatThrownBy(() -> downloads.fetch("acme", "https://cloudfront.net.evil.example/x.mp4", Map.of(), CDN, dir.resolve("c.mp4")))
                .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("is not in");
        assertThatThrownBy(() -> downloads.fetch("acme", "file:///etc/passwd", Map.of(), CDN, dir.resolve("d.mp4")))
                .isInstanceOf(DownloadRefusedException.class);
    }

    @Test
    void aListedHostThatPointsAtAPrivateAddressIsRefused() {
        HostPatterns listed = HostPatterns.parse("cutline.generation.acme.download-hosts", "169.254.169.254, 10.1.2.3, localhost");
        for (String url : List.of("https://169.254.169.254/latest/meta-data", "https://10.1.2.3/x.mp4", "https://localhost/x.mp4")) {
            assertThatThrownBy(() -> strict().fetch("acme", url, Map.of(), listed, dir.resolve("x.mp4")))
                    .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("points at a private address");
        }
        assertThatThrownBy(() -> strict().fetch("acme", local("/clip.mp4"), Map.of(), NONE, dir.resolve("x.mp4")))
                .as("loopback without the emulator's allowance").isInstanceOf(DownloadRefusedException.class);
    }

    @Test
    void everyRedirectIsCheckedAndTheKeyStaysWithTheFirstHost() throws IOException {
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/to-elsewhere"), Map.of(), NONE, dir.resolve("a.mp4")))
                .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("host evil.example is not in");
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/loop"), Map.of(), NONE, dir.resolve("b.mp4")))
                .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("more than 3 redirects");
        Path target = dir.resolve("c.mp4");
        authorizations.clear();
        loopbackAllowed().fetch("acme", local("/to-other-name"), Map.of("Authorization", "Key k"), NONE, target);
        assertThat(Files.size(target)).isEqualTo(200_000);
        assertThat(authorizations).as("the key went to 127.0.0.1, not on to localhost").containsExactly("Key k", "");
    }

    @Test
    void tooBigTooSlowEmptyOrMissingLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/big.mp4"), Map.of(), NONE, dir.resolve("big.mp4")))
                .isInstanceOf(DownloadRefusedException.class).hasMessageContaining("over the cap of 2097152");
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/empty.mp4"), Map.of(), NONE, dir.resolve("empty.mp4")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("empty download");
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/gone.mp4"), Map.of(), NONE, dir.resolve("gone.mp4")))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> loopbackAllowed().fetch("acme", local("/stall.mp4"), Map.of(), NONE, dir.resolve("stall.mp4")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("took longer than 1 s");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private static MediaDownloads strict() {
        return new MediaDownloads(new MediaDownloads.Policy(false, 2 * 1024 * 1024, Duration.ofSeconds(1), 3), Duration.ofSeconds(1));
    }

    private static MediaDownloads loopbackAllowed() {
        return new MediaDownloads(new MediaDownloads.Policy(true, 2 * 1024 * 1024, Duration.ofSeconds(1), 3), Duration.ofSeconds(1));
    }

    private String local(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("null", ""));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void redirect(HttpExchange exchange, String location) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("null", ""));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }
}
