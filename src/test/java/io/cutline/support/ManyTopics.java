package io.cutline.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Signals with many distinct topics, for tests that run many jobs: each topic has four facts naming
 * its own made-up subject, so no two jobs share a scene (or a clip).
 */
public final class ManyTopics {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "tu", "ve", "zo", "ni", "pe", "su"};

    private ManyTopics() {
    }

    /** Writes {@code <channel>.yaml} into {@code signals} with the topics numbered {@code from, from + step, ...} below {@code to}. */
    public static void write(Path signals, String channel, int from, int to, int step) throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n");
        for (int i = from; i < to; i += step) {
            String subject = subject(i);
            yaml.append("  - title: ").append(title(i)).append("\n    score: 0.9\n    facts:\n")
                    .append("      - The ").append(subject).append(" crystals glow softly at dawn.\n")
                    .append("      - Every ").append(subject).append(" river flows uphill in winter.\n")
                    .append("      - Old ").append(subject).append(" maps show islands that drift.\n")
                    .append("      - Some ").append(subject).append(" birds sing only in the rain.\n");
        }
        Files.createDirectories(signals);
        Files.writeString(signals.resolve(channel + ".yaml"), yaml.toString());
    }

    /** The title of topic {@code index}, to ask for it by name. */
    public static String title(int index) {
        return "The secrets of " + subject(index);
    }

    private static String subject(int index) {
        StringBuilder name = new StringBuilder();
        int rest = index + 100;
        while (rest > 0) {
            name.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
