package io.cutline.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated Instagram professional account: access tokens (the emulator's key, and tokens from
 * {@code refresh_access_token}), Reels containers with their uploads and {@code status_code}, the
 * published media, the 24-hour publishing limit, and counters a test asserts on.
 */
public final class InstagramAccount {

    /** A REELS container: its bytes (uploaded, or fetched from its {@code video_url}), then processing until FINISHED, ERROR or never. */
    static final class Container {
        final String id;
        final String caption;
        final Optional<Fault> fault;
        long size = -1;
        long received;
        int pollsLeft;
        String statusCode = "IN_PROGRESS";
        String status = "In Progress: the media is being uploaded";
        String mediaId;

        Container(String id, String caption, Optional<Fault> fault) {
            this.id = id;
            this.caption = caption;
            this.fault = fault;
        }
    }

    /** A published reel. */
    /** A reel on the account: its media id, caption, permalink and when it was posted. */
    public record Media(String id, String caption, String permalink, Instant timestamp) {
    }

    private final Set<String> tokens = new HashSet<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<Media> media = new ArrayList<>();
    private int quotaTotal = 50;
    private int pollsBeforeFinished = 1;
    private long bytesReceived;
    private int refreshed;

    /** The posts allowed in 24 hours ({@code content_publishing_limit}'s {@code quota_total}). */
    public synchronized void quotaTotal(int total) {
        this.quotaTotal = total;
    }

    /** How many status polls see a whole container still IN_PROGRESS. */
    public synchronized void pollsBeforeFinished(int polls) {
        this.pollsBeforeFinished = polls;
    }

    public synchronized int containersCreated() {
        return containers.size();
    }

    public synchronized int mediaPublished() {
        return media.size();
    }

    /** Each published reel's caption, oldest first. */
    public synchronized List<String> captions() {
        return media.stream().map(Media::caption).toList();
    }

    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    public synchronized int tokensRefreshed() {
        return refreshed;
    }

    synchronized int quotaTotalNow() {
        return quotaTotal;
    }

    /** Reels published in the last 24 hours. */
    synchronized int quotaUsage() {
        Instant since = Instant.now().minusSeconds(86400);
        return (int) media.stream().filter(reel -> reel.timestamp().isAfter(since)).count();
    }

    synchronized String refresh() {
        refreshed++;
        String token = "IGQemulated-" + refreshed + "-" + Long.toHexString(System.nanoTime());
        tokens.add(token);
        return token;
    }

    synchronized boolean valid(String token, String key) {
        return token.equals(key) || tokens.contains(token);
    }

    synchronized Container create(String caption, Optional<Fault> fault) {
        Container container = new Container(String.valueOf(17_889_000_000_000_000L + containers.size() + 1), caption, fault);
        containers.put(container.id, container);
        return container;
    }

    synchronized Optional<Container> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    synchronized Optional<Media> media(String id) {
        return media.stream().filter(reel -> reel.id().equals(id)).findFirst();
    }

    /** The reels, newest first. */
    synchronized List<Media> recent(int limit) {
        List<Media> newest = new ArrayList<>(media);
        java.util.Collections.reverse(newest);
        return newest.subList(0, Math.min(limit, newest.size()));
    }

    /** Keeps {@code bytes} of the container's upload; processing starts when it is whole. */
    synchronized void receive(Container container, long bytes) {
        container.received += bytes;
        bytesReceived += bytes;
        if (container.received >= container.size) {
            container.pollsLeft = pollsBeforeFinished;
            container.status = "In Progress: the media is being processed";
        }
    }

    /** The video at the container's {@code video_url} could not be fetched. */
    synchronized void unreachable(Container container, String why) {
        container.statusCode = "ERROR";
        container.status = "Error: 2207003: the media could not be fetched from video_url (" + why + ")";
    }

    /** A status poll: processing ends (FINISHED, or ERROR with the container's fault) once its polls are used up. */
    synchronized Container poll(Container container) {
        if (container.received < container.size || !container.statusCode.equals("IN_PROGRESS") || Fault.is(container.fault, Fault.Kind.NEVER_LIVE)) {
            return container;
        }
        if (container.pollsLeft-- > 0) {
            return container;
        }
        if (Fault.is(container.fault, Fault.Kind.FAILED)) {
            container.statusCode = "ERROR";
            container.status = "Error: 2207026: the video format is not supported";
        } else {
            container.statusCode = "FINISHED";
            container.status = "Finished: the media is ready to publish";
        }
        return container;
    }

    /** {@code media_publish}: the finished container becomes a reel (once). */
    synchronized Media publish(Container container) {
        if (container.mediaId == null) {
            container.mediaId = post(container.caption).id();
            container.statusCode = "PUBLISHED";
            container.status = "Published";
        }
        return media(container.mediaId).orElseThrow();
    }

    /** A reel on the account, as if posted in the app (what reads the account is tested on it). */
    public synchronized Media post(String caption) {
        Media reel = new Media(String.valueOf(18_000_000_000_000_000L + media.size() + 1), caption,
                "https://www.instagram.com/reel/EMU" + Long.toString(media.size() + 1, 36).toUpperCase() + "/", Instant.now());
        media.add(reel);
        return reel;
    }
}
