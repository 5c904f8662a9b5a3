package io.cutline.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulated YouTube channel: the access tokens handed out, the resumable upload sessions, the
 * videos uploaded and their thumbnails, with the counters a test asserts on (videos created, bytes
 * received: a byte sent twice would show in the count).
 */
public final class YouTubeChannel {

    /** A resumable upload: its declared size, the bytes received so far, the video it made once complete. */
    static final class Session {
        final String id;
        final long size;
        final ObjectNode video;
        final Optional<Fault> fault;
        long received;
        String videoId;

        Session(String id, long size, ObjectNode video, Optional<Fault> fault) {
            this.id = id;
            this.size = size;
            this.video = video;
            this.fault = fault;
        }
    }

    /** A resumable {@code thumbnails.set}: the video it is for and the image's declared size. */
    record ThumbnailUpload(String videoId, long size) {
    }

    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, ThumbnailUpload> thumbnailUploads = new HashMap<>();
    private final Map<String, ObjectNode> videos = new LinkedHashMap<>();
    private final Map<String, Integer> thumbnails = new HashMap<>();
    private final Map<String, Optional<Fault>> outcomes = new HashMap<>();
    private final Map<String, Integer> listsLeft = new HashMap<>();
    private int listsBeforeProcessed;
    private Duration tokenLifetime = Duration.ofHours(1);
    private long bytesReceived;
    private int issued;
    private int opened;

    /** How long the access tokens handed out from now on are valid. */
    public synchronized void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    /** How many {@code videos.list} calls see a new video still {@code uploaded} (processing) before it is {@code processed}. */
    public synchronized void listsBeforeProcessed(int lists) {
        this.listsBeforeProcessed = lists;
    }

    /** Videos made from completed uploads. */
    public synchronized int videosCreated() {
        return videos.size();
    }

    /** The uploaded videos, oldest first (their snippet and status as sent). */
    public synchronized List<ObjectNode> videos() {
        return videos.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** Upload sessions opened. */
    public synchronized int sessionsOpened() {
        return opened;
    }

    /** Media bytes kept across all uploads. */
    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    /** Access tokens handed out. */
    public synchronized int tokensIssued() {
        return issued;
    }

    /** How many times a video's thumbnail was set. */
    public synchronized int thumbnailsSet(String videoId) {
        return thumbnails.getOrDefault(videoId, 0);
    }

    /** Every upload session is forgotten (as when they expire after a week): resuming one answers 404. */
    public synchronized void forgetSessions() {
        sessions.clear();
        thumbnailUploads.clear();
    }

    synchronized String issueToken() {
        issued++;
        String token = "ya29.emulated-" + issued + "-" + Long.toHexString(System.nanoTime());
        tokens.put(token, Instant.now().plus(tokenLifetime));
        return token;
    }

    synchronized long tokenLifetimeSeconds() {
        return tokenLifetime.toSeconds();
    }

    synchronized boolean valid(String token) {
        Instant until = tokens.get(token);
        return until != null && Instant.now().isBefore(until);
    }

    /** A new upload session; {@code fault} decides how its video's processing ends ({@code failed}, {@code never-live}). */
    synchronized Session open(long size, ObjectNode video, Optional<Fault> fault) {
        opened++;
        Session session = new Session("emu-upload-" + opened + "-" + Long.toHexString(System.nanoTime()), size, video, fault);
        sessions.put(session.id, session);
        return session;
    }

    synchronized Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** A new resumable thumbnail upload: its upload id. */
    synchronized String openThumbnailUpload(ThumbnailUpload upload) {
        String id = "emu-thumbnail-" + (thumbnailUploads.size() + 1) + "-" + Long.toHexString(System.nanoTime());
        thumbnailUploads.put(id, upload);
        return id;
    }

    synchronized Optional<ThumbnailUpload> thumbnailUpload(String id) {
        return Optional.ofNullable(thumbnailUploads.get(id));
    }

    /** Keeps {@code bytes} more of the session's upload; the video once the last byte is in. */
    synchronized Optional<ObjectNode> receive(Session session, long bytes, Instant now) {
        session.received += bytes;
        bytesReceived += bytes;
        if (session.received < session.size || session.videoId != null) {
            return Optional.empty();
        }
        session.videoId = String.format("emu%08d", videos.size() + 1);
        ObjectNode video = session.video.deepCopy();
        video.put("kind", "youtube#video").put("id", session.videoId);
        video.withObject("/snippet").put("channelId", "UCemulator").put("publishedAt", now.toString());
        video.withObject("/status").put("uploadStatus", "uploaded");
        videos.put(session.videoId, video);
        outcomes.put(session.videoId, session.fault);
        listsLeft.put(session.videoId, listsBeforeProcessed);
        return Optional.of(video.deepCopy());
    }

    synchronized Optional<ObjectNode> video(String id) {
        return Optional.ofNullable(videos.get(id)).map(ObjectNode::deepCopy);
    }

    /** The video as {@code videos.list} shows it: processing goes on for a few lists, then ends processed (or as its fault says). */
    synchronized Optional<ObjectNode> listed(String id) {
        Optional<ObjectNode> video = video(id);
        video.ifPresent(found -> {
            ObjectNode status = found.withObject("/status");
            Optional<Fault> outcome = outcomes.get(id);
            if (Fault.is(outcome, Fault.Kind.FAILED)) {
                status.put("uploadStatus", "failed").put("failureReason", "codec");
            } else if (!Fault.is(outcome, Fault.Kind.NEVER_LIVE) && listsLeft.merge(id, -1, Integer::sum) < 0) {
                status.put("uploadStatus", "processed");
            }
        });
        return video;
    }

    /** Video ids, newest first (as the channel's uploads playlist lists them). */
    synchronized List<String> uploadsNewestFirst() {
        List<String> ids = new ArrayList<>(videos.keySet());
        java.util.Collections.reverse(ids);
        return ids;
    }

    synchronized boolean setThumbnail(String videoId) {
        if (!videos.containsKey(videoId)) {
            return false;
        }
        thumbnails.merge(videoId, 1, Integer::sum);
        return true;
    }
}
