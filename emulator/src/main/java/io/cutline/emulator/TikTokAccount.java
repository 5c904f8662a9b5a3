package io.cutline.emulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulated TikTok creator account: access tokens, the refresh token (rotated by every refresh, as
 * TikTok does), posts from {@code video/init} with their uploads and statuses, whether the app is
 * audited (an unaudited app may only post {@code SELF_ONLY}), and counters a test asserts on (posts
 * initialized, posts published, bytes received, refresh tokens issued).
 */
public final class TikTokAccount {

    /** A direct post: its upload, then processing until it is published (or fails, or never ends). */
    static final class Post {
        final String publishId;
        final String uploadId;
        final ObjectNode postInfo;
        final long size;
        final long chunkSize;
        final int chunks;
        final Optional<Fault> fault;
        long received;
        int pollsLeft;
        String status = "PROCESSING_UPLOAD";
        String failReason = "";
        String postId;

        Post(String publishId, String uploadId, ObjectNode postInfo, long size, long chunkSize, int chunks, Optional<Fault> fault) {
            this.publishId = publishId;
            this.uploadId = uploadId;
            this.postInfo = postInfo;
            this.size = size;
            this.chunkSize = chunkSize;
            this.chunks = chunks;
            this.fault = fault;
        }
    }

    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final Map<String, Post> uploads = new HashMap<>();
    private boolean audited;
    private int pollsBeforeLive = 1;
    private int published;
    private int issued;
    /** The refresh token the token endpoint accepts; until it has issued one, the emulator's key. */
    private String refreshToken;
    private int refreshTokensIssued;
    private long bytesReceived;

    /** Whether the app passed TikTok's audit (unaudited: only SELF_ONLY posts are accepted). */
    public synchronized void audited(boolean audited) {
        this.audited = audited;
    }

    /** How many status polls after the upload see a post still processing. */
    public synchronized void pollsBeforeLive(int polls) {
        this.pollsBeforeLive = polls;
    }

    /** Posts made by {@code video/init} (uploaded or not). */
    public synchronized int postsInitialized() {
        return posts.size();
    }

    /** Posts that reached PUBLISH_COMPLETE. */
    public synchronized int postsPublished() {
        return published;
    }

    /** Each post's {@code post_info} as sent, with its {@code status}, oldest first. */
    public synchronized List<ObjectNode> posts() {
        return posts.values().stream().map(post -> post.postInfo.deepCopy().put("status", post.status)).toList();
    }

    /**
     * Each post as the account holds it: its {@code publish_id}, {@code title} (the caption), {@code
     * status}, and {@code uploaded} (the whole file is in: TikTok publishes it whether or not anyone
     * asks for its status), oldest first.
     */
    public synchronized List<ObjectNode> records() {
        return posts.values().stream().map(post -> post.postInfo.deepCopy().put("publish_id", post.publishId)
                .put("status", post.status).put("uploaded", post.received >= post.size)).toList();
    }

    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    public synchronized int tokensIssued() {
        return issued;
    }

    /** The refresh token the next refresh must send, empty until a refresh has rotated the emulator's key away. */
    public synchronized Optional<String> refreshToken() {
        return Optional.ofNullable(refreshToken);
    }

    public synchronized int refreshTokensIssued() {
        return refreshTokensIssued;
    }

    synchronized boolean isAudited() {
        return audited;
    }

    synchronized String issueToken() {
        issued++;
        String token = "act.emulated-" + issued + "-" + Long.toHexString(System.nanoTime());
        tokens.put(token, Instant.now().plusSeconds(86400));
        return token;
    }

    /**
     * A refresh with {@code presented}: the new refresh token when it is the current one (the key before
     * the first rotation), which is refused from then on; empty when it is not (never issued, or rotated away).
     */
    synchronized Optional<String> rotate(String presented, String key) {
        if (!(refreshToken == null ? key : refreshToken).equals(presented)) {
            return Optional.empty();
        }
        refreshTokensIssued++;
        refreshToken = "rft.emulated-" + refreshTokensIssued + "-" + Long.toHexString(System.nanoTime());
        return Optional.of(refreshToken);
    }

    synchronized boolean valid(String token) {
        Instant until = tokens.get(token);
        return until != null && Instant.now().isBefore(until);
    }

    synchronized Post create(ObjectNode postInfo, long size, long chunkSize, int chunks, Optional<Fault> fault) {
        int number = posts.size() + 1;
        Post post = new Post("v_pub_file~v2-1.emu" + number, "emu-upload-" + number + "-" + Long.toHexString(System.nanoTime()),
                postInfo, size, chunkSize, chunks, fault);
        posts.put(post.publishId, post);
        uploads.put(post.uploadId, post);
        return post;
    }

    synchronized Optional<Post> post(String publishId) {
        return Optional.ofNullable(posts.get(publishId));
    }

    synchronized Optional<Post> upload(String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId));
    }

    /** Keeps a chunk; true when the upload is whole (processing starts). */
    synchronized boolean receive(Post post, long bytes) {
        post.received += bytes;
        bytesReceived += bytes;
        if (post.received < post.size) {
            return false;
        }
        post.pollsLeft = pollsBeforeLive;
        return true;
    }

    /** A status poll: processing ends (published, or failed with the post's fault) once its polls are used up. */
    synchronized Post poll(Post post) {
        if (post.received < post.size || !post.status.equals("PROCESSING_UPLOAD") || Fault.is(post.fault, Fault.Kind.NEVER_LIVE)) {
            return post;
        }
        if (post.pollsLeft-- > 0) {
            return post;
        }
        if (Fault.is(post.fault, Fault.Kind.FAILED)) {
            post.status = "FAILED";
            post.failReason = "file_format_check_failed";
        } else {
            post.status = "PUBLISH_COMPLETE";
            published++;
            post.postId = String.valueOf(7_300_000_000_000_000_000L + published);
        }
        return post;
    }
}
