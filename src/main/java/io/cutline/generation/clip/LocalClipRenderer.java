package io.cutline.generation.clip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.cutline.media.DrawText;
import io.cutline.media.Fonts;
import io.cutline.media.MediaStore;
import io.cutline.media.Tool;
import io.cutline.media.ToolRunner;
import io.cutline.provider.AdapterKit;
import io.cutline.config.ProviderSettings;
import io.cutline.timing.DurationRule;

/**
 * The offline generator: renders a moving abstract visual for a prompt with FFmpeg. The prompt
 * chooses the palette (by the moods its words suggest), the motion (its hash seeds the animated
 * gradient and a drifting particle layer) and up to three subject words drawn faintly across the
 * frame. Exactly {@code ceil(seconds × fps)} frames, no audio. The words reach FFmpeg in a file.
 */
public class LocalClipRenderer implements ClipGenerator {

    private static final Map<String, List<String>> PALETTES = Map.of(
            "night", List.of("0x0b1d3a", "0x2e86ab", "0x6f4e7c", "0xc5d5ea"),
            "fire", List.of("0x3d0c02", "0xd1495b", "0xedae49", "0xf9dc5c"),
            "nature", List.of("0x1b4332", "0x40916c", "0x95d5b2", "0xd8f3dc"),
            "money", List.of("0x102a43", "0x2a9d8f", "0xe9c46a", "0xf4a261"),
            "ice", List.of("0x023e8a", "0x48cae4", "0xade8f4", "0xcaf0f8"));
    private static final Map<String, String> MOODS = Map.ofEntries(
            Map.entry("moon", "night"), Map.entry("space", "night"), Map.entry("star", "night"), Map.entry("planet", "night"),
            Map.entry("orbit", "night"), Map.entry("ocean", "ice"), Map.entry("water", "ice"), Map.entry("tide", "ice"),
            Map.entry("ice", "ice"), Map.entry("snow", "ice"), Map.entry("sun", "fire"), Map.entry("fire", "fire"),
            Map.entry("volcano", "fire"), Map.entry("desert", "fire"), Map.entry("heat", "fire"), Map.entry("forest", "nature"),
            Map.entry("tree", "nature"), Map.entry("plant", "nature"), Map.entry("animal", "nature"), Map.entry("money", "money"),
            Map.entry("market", "money"), Map.entry("finance", "money"), Map.entry("gold", "money"), Map.entry("price", "money"));
    private static final Set<String> STOP_WORDS = Set.of("scene", "with", "from", "that", "this", "into", "over", "style",
            "bold", "colorful", "clean", "cinematic", "vertical", "shot", "close", "wide", "slow");

    private final String provider;
    private final ToolRunner tools;
    private final String model;
    private final DurationRule durations;
    private final Fonts fonts;

    public LocalClipRenderer(ProviderSettings settings, AdapterKit kit) {
        this.provider = settings.name();
        this.tools = kit.tools();
        this.model = settings.model();
        this.durations = settings.durations();
        this.fonts = kit.fonts();
    }

    @Override
    public DurationRule durations() {
        return durations;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public void generate(ClipRequest request, Path target) {
        Path directory = target.getParent();
        Path words = MediaStore.temporaryFor(target.resolveSibling(target.getFileName() + ".words.txt"));
        Path video = MediaStore.temporaryFor(target);
        try {
            List<String> subject = subjectWords(request.prompt());
            Files.writeString(words, String.join("\n", subject), StandardCharsets.UTF_8);
            String wordsFile = subject.isEmpty() ? null : words.getFileName().toString();
            String font = fonts.forText(String.join(" ", subject), null);
            tools.run(Tool.FFMPEG, arguments(request, wordsFile, font, video.getFileName().toString()), directory);
            MediaStore.moveIntoPlace(video, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            MediaStore.deleteQuietly(words);
            MediaStore.deleteQuietly(video);
        }
    }

    static int frames(ClipRequest request) {
        return (int) Math.ceil(request.seconds() * request.fps() - 1e-6);
    }

    /**
     * The ffmpeg arguments; {@code wordsFile} (relative to the working directory) may be null for no
     * words, else they are drawn as written in {@code font}.
     */
    List<String> arguments(ClipRequest request, String wordsFile, String font, String output) {
        int width = request.width();
        int height = request.height();
        List<String> colors = palette(request.prompt());
        long seed = Math.floorMod(request.seed(), 1_000_000L);
        String background = String.format(Locale.ROOT,
                "gradients=s=%dx%d:c0=%s:c1=%s:c2=%s:c3=%s:n=4:speed=%.3f:r=%d:seed=%d",
                width, height, colors.get(0), colors.get(1), colors.get(2), colors.get(3),
                0.01 + (seed % 7) * 0.004, request.fps(), seed);
        String particles = String.format(Locale.ROOT,
                "life=s=%dx%d:mold=10:r=%d:ratio=0.08:seed=%d:death_color=#000000:life_color=#ffffff:mold_color=#404040,"
                        + "scale=%d:%d:flags=neighbor,boxblur=6",
                Math.max(width / 4, 16), Math.max(height / 4, 16), request.fps(), seed, width, height);
        int fontSize = Math.max(24, Math.min(width, height) / 8);
        String words = wordsFile == null ? "" : DrawText.filter(wordsFile, font, "fontsize=" + fontSize
                + ":fontcolor=white@0.28:line_spacing=" + fontSize / 4 + ":x=(w-text_w)/2+w/18*sin(t/2):y=h*0.3-t*h/100") + ",";
        String graph = "[0:v][1:v]blend=all_mode=softlight:all_opacity=0.55,vignette=angle=PI/5," + words + "format=yuv420p[v]";
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", background, "-f", "lavfi", "-i", particles,
                "-filter_complex", graph, "-map", "[v]", "-frames:v", String.valueOf(frames(request)),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-an", output));
        return args;
    }

    static List<String> palette(String prompt) {
        String lower = prompt.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> mood : MOODS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (lower.contains(mood.getKey())) {
                return PALETTES.get(mood.getValue());
            }
        }
        int hash = prompt.hashCode();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float hue = Math.floorMod(hash + i * 97, 360) / 360f;
            colors.add(String.format("0x%06x", java.awt.Color.HSBtoRGB(hue, 0.55f, 0.35f + 0.15f * i) & 0xffffff));
        }
        return colors;
    }

    /** Up to three subject words: content words after the prompt's first clause (the style), upper-cased. */
    static List<String> subjectWords(String prompt) {
        int clause = prompt.indexOf(';');
        String subject = clause >= 0 && clause < prompt.length() - 1 ? prompt.substring(clause + 1) : prompt;
        Set<String> words = new LinkedHashSet<>();
        for (String word : subject.split("[^\\p{L}]+")) {
            if (word.length() >= 4 && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                words.add(word.toUpperCase(Locale.ROOT));
            }
        }
        return words.stream().limit(3).toList();
    }

}
