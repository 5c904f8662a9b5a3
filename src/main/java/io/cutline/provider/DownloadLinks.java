package io.cutline.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Links to a job's rendition (its video, {@code .mp4}, or its thumbnail, {@code .jpg}) that need no
 * API token: {@code <base>/downloads/<job>/<rendition>.<ext>?expires=<unix seconds>&signature=<hex>},
 * the signature being {@link WebhookSignature#hmac} keyed with the download secret over
 * {@code "<job>/<rendition>.<ext>:<expires>"}. The path holds ids only, never a file path (the
 * service finds the file in the ledger), and ids outside {@link #ID} are no link at all.
 */
public record DownloadLinks(String secret, String baseUrl) {

    /** What a job id or rendition name in a link may be. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** What a link may name: the video or the thumbnail. */
    public static final Pattern FILE = Pattern.compile("(" + ID.pattern() + ")\\.(mp4|jpg)");

    public DownloadLinks {
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    /** The link to {@code file} ({@code <rendition>.mp4} or {@code .jpg}) of {@code jobId}, good until {@code expires}. */
    public String link(String jobId, String file, Instant expires) {
        if (!ID.matcher(jobId).matches() || !FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("no download link for job '" + jobId + "' file '" + file + "': ids are letters, digits, - and _");
        }
        long until = expires.getEpochSecond();
        return baseUrl + "/downloads/" + jobId + "/" + file + "?expires=" + until + "&signature="
                + URLEncoder.encode(sign(jobId, file, until), StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is this service's for the file until {@code expires} (compared in constant time). */
    public boolean signed(String jobId, String file, long expires, String signature) {
        return signature != null && MessageDigest.isEqual(sign(jobId, file, expires).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String jobId, String file, long expires) {
        return WebhookSignature.hmac(secret, jobId + "/" + file + ":" + expires);
    }
}
