package io.cutline.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.cutline.media.MediaStore;

/**
 * Fetches generated media from the URLs providers hand out, as untrusted input: https only, from the
 * hosts the provider's block allows ({@code download-hosts}), every redirect checked the same way and
 * credentials never sent on to another host, never to a private or loopback address (unless the
 * emulator is in use), no more than a size cap and a time cap. Streamed to disk, never held in memory.
 * Written by hand on the JDK's client rather than through the gateway because camel-http buffers a
 * whole body and follows no per-hop policy.
 */
public class MediaDownloads {

    /** What a download may do, from {@code cutline.providers.downloads.*}. */
    public record Policy(boolean allowLoopback, long maxBytes, Duration timeout, int maxRedirects) {
    }

    private static final int BUFFER = 64 * 1024;

    private final Policy policy;
    private final HttpClient client;
    private final ScheduledExecutorService deadlines;

    public MediaDownloads(Policy policy, Duration connectTimeout) {
        this.policy = policy;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cutline-download-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Downloads {@code url} to {@code target}, whole or not at all. A URL or redirect the policy
     * forbids throws {@link DownloadRefusedException} (fetching it again cannot help); a failed or cut
     * transfer throws as {@link ProviderErrors} says (it may be fetched again).
     */
    public void fetch(String provider, String url, Map<String, String> headers, HostPatterns allowed, Path target) {
        URI current = parse(provider, url);
        String firstHost = current.getHost();
        long started = System.nanoTime();
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            check(provider, current, allowed);
            Map<String, String> sent = sameHost(current.getHost(), firstHost) ? headers : Map.of();
            HttpResponse<InputStream> response = send(provider, current, sent, remaining(provider, started));
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    String location = response.headers().firstValue("Location")
                            .orElseThrow(() -> new ProviderUnavailableException(provider, "redirect " + status + " without a Location", true, null));
                    current = current.resolve(parse(provider, location));
                    continue;
                }
                if (status < 200 || status >= 300) {
                    ProviderErrors.check(provider, new HttpGateway.Reply(status, headers(response), body.readNBytes(BUFFER)));
                }
                save(provider, response, body, target, remaining(provider, started));
                return;
            } catch (IOException e) {
                throw new ProviderUnavailableException(provider, "download cut off: " + e.getMessage(), true, e);
            }
        }
        throw new DownloadRefusedException(provider, "more than " + policy.maxRedirects() + " redirects from " + url);
    }

    private URI parse(String provider, String url) {
        try {
            return new URI(url);
        } catch (Exception e) {
            throw new DownloadRefusedException(provider, "not a URL: " + url);
        }
    }

    private void check(String provider, URI url, HostPatterns allowed) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null) {
            throw new DownloadRefusedException(provider, "no host in " + url);
        }
        boolean loopback = policy.allowLoopback() && loopbackOnly(host);
        if (!scheme.equals("https") && !(loopback && scheme.equals("http"))) {
            throw new DownloadRefusedException(provider, "only https downloads are allowed, not " + url.getScheme() + "://" + host);
        }
        if (!loopback && !allowed.matches(host)) {
            throw new DownloadRefusedException(provider, "host " + host + " is not in " + allowed.property() + " (" + allowed + ")");
        }
        if (!loopback) {
            for (InetAddress address : resolve(provider, host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    throw new DownloadRefusedException(provider, "host " + host + " points at a private address (" + address.getHostAddress() + ")");
                }
            }
        }
    }

    private static boolean loopbackOnly(String host) {
        try {
            return List.of(InetAddress.getAllByName(host)).stream().allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which the JDK does not count as site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        return address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static List<InetAddress> resolve(String provider, String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new ProviderUnavailableException(provider, "cannot resolve " + host, false, e);
        }
    }

    private HttpResponse<InputStream> send(String provider, URI url, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ProviderUnavailableException(provider, "download failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(provider, "download interrupted", true, e);
        }
    }

    /** Streams the body aside, within the size and time caps, then moves it into place. */
    private void save(String provider, HttpResponse<InputStream> response, InputStream body, Path target, Duration timeout) throws IOException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > policy.maxBytes()) {
            throw new DownloadRefusedException(provider, "download of " + declared + " bytes is over the cap of " + policy.maxBytes()
                    + " (cutline.providers.downloads.max-megabytes)");
        }
        // a stalled transfer is cut at the deadline by closing its stream under the reading thread
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Path temporary = MediaStore.temporaryFor(target);
        long total = 0;
        try (OutputStream out = Files.newOutputStream(temporary)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > policy.maxBytes()) {
                    throw new DownloadRefusedException(provider, "download is over the cap of " + policy.maxBytes()
                            + " bytes (cutline.providers.downloads.max-megabytes)");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            if (expired.get()) {
                throw new ProviderUnavailableException(provider, "download took longer than " + policy.timeout().toSeconds()
                        + " s (cutline.providers.downloads.timeout-ms)", true, e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
        if (total == 0) {
            Files.deleteIfExists(temporary);
            throw new ProviderUnavailableException(provider, "empty download from " + response.uri().getHost(), true, null);
        }
        MediaStore.moveIntoPlace(temporary, target);
    }

    private Duration remaining(String provider, long started) {
        Duration left = policy.timeout().minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
            throw new ProviderUnavailableException(provider, "download took longer than " + policy.timeout().toSeconds()
                    + " s (cutline.providers.downloads.timeout-ms)", true, null);
        }
        return left;
    }

    private static boolean sameHost(String host, String firstHost) {
        return host.equalsIgnoreCase(firstHost);
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> all.put(name, String.join(", ", values)));
        return all;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the reader sees the stream closed either way
        }
    }
}
