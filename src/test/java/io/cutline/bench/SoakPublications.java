package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Publications per (job, platform), counted from what the platforms themselves hold, not from what
 * Cutline says it published: the emulator's YouTube videos (by the job's marker tag), its TikTok
 * posts whose upload is whole (TikTok publishes those whether or not anyone asks; by caption, the
 * job's own post found by the {@code publish_id} Cutline recorded), and the outbox files (Instagram).
 * Every DONE job should have exactly one per platform of its channel and nothing else should exist.
 */
final class SoakPublications {

    private static final Pattern PUBLISH_ID = Pattern.compile("(v_pub_file~[^\\s)]+)");

    private final Map<String, JsonNode> views;

    SoakPublications(Map<String, JsonNode> views) {
        this.views = views;
    }

    /** One line per platform: expected, made, missing, duplicate (a second one for a job) or stray (of a job not DONE, or nobody's). */
    String report(JsonNode posts, Path outbox) throws IOException {
        StringBuilder out = new StringBuilder("  publications per (job, platform), from the platforms' own records:\n");
        out.append(line("youtube", count(posts.path("youtube"), SoakPublications::marker, "youtube", job -> job)));
        Map<String, String> captions = new HashMap<>();
        posts.path("tiktok").forEach(post -> captions.put(post.path("publish_id").asText(), post.path("title").asText()));
        List<JsonNode> uploaded = new ArrayList<>();
        posts.path("tiktok").forEach(post -> {
            if (post.path("uploaded").asBoolean()) {
                uploaded.add(post);
            }
        });
        out.append(line("tiktok", count(uploaded, post -> post.path("title").asText(), "tiktok",
                job -> captions.get(publishId(publication(views.get(job), "tiktok"))))));
        List<JsonNode> files;
        Path folder = outbox.resolve("instagram");
        try (Stream<Path> walk = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            files = walk.filter(file -> file.getFileName().toString().endsWith(".mp4"))
                    .map(file -> (JsonNode) new TextNode(file.getFileName().toString())).toList();
        }
        out.append(line("instagram", count(files, file -> file.asText().replaceFirst("\\.mp4$", ""), "instagram", job -> job)));
        return out.toString();
    }

    /** expected, made, missing, duplicates, strays. */
    private record Counts(int expected, int made, int missing, int duplicates, int stray) {
    }

    /**
     * Counts the platform's records by key against the DONE jobs publishing to {@code platform};
     * {@code keyOfJob} gives the key a job's own record has (null when it has none).
     */
    private Counts count(Iterable<JsonNode> records, Function<JsonNode, String> key, String platform, Function<String, String> keyOfJob) {
        Map<String, Integer> byKey = new TreeMap<>();
        int made = 0;
        for (JsonNode record : records) {
            byKey.merge(key.apply(record), 1, Integer::sum);
            made++;
        }
        int expected = 0;
        int missing = 0;
        int duplicates = 0;
        int claimed = 0;
        for (Map.Entry<String, JsonNode> job : views.entrySet()) {
            if (job.getValue().path("state").asText().equals("DONE") && publication(job.getValue(), platform) != null) {
                expected++;
                String own = keyOfJob.apply(job.getKey());
                int found = own == null ? 0 : byKey.getOrDefault(own, 0);
                missing += found == 0 ? 1 : 0;
                duplicates += Math.max(0, found - 1);
                claimed += found;
            }
        }
        return new Counts(expected, made, missing, duplicates, made - claimed);
    }

    private static String line(String platform, Counts counts) {
        return String.format(Locale.ROOT, "    %-10s %4d expected, %4d made, %d missing, %d duplicate, %d stray%n", platform,
                counts.expected(), counts.made(), counts.missing(), counts.duplicates(), counts.stray());
    }

    /** The job id in a YouTube video's marker tag ({@code cutline-<job>}, its first tag). */
    private static String marker(JsonNode video) {
        return video.path("snippet").path("tags").path(0).asText("").replaceFirst("^cutline-", "");
    }

    private static JsonNode publication(JsonNode view, String platform) {
        for (JsonNode publication : view.path("publications")) {
            if (publication.path("platform").asText().equals(platform)) {
                return publication;
            }
        }
        return null;
    }

    private static String publishId(JsonNode publication) {
        Matcher matcher = PUBLISH_ID.matcher(publication == null ? "" : publication.path("location").asText());
        return matcher.find() ? matcher.group(1) : null;
    }
}
