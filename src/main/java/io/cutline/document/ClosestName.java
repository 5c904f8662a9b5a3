package io.cutline.document;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a misspelt one, when it is close enough to be a typo. */
public final class ClosestName {

    private ClosestName() {
    }

    /** The candidate with the fewest edits from {@code word}, if at most a third of its letters (at least 2) differ. */
    public static Optional<String> to(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, typed.length() / 3);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(word))
                .min(Comparator.comparingInt(candidate -> edits(typed, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> edits(typed, candidate.toLowerCase(Locale.ROOT)) <= allowed);
    }

    /** A hint to append to a message: {@code "; did you mean `platforms`?"}, or nothing. */
    public static String hint(String word, Collection<String> candidates) {
        return to(word, candidates).map(name -> "; did you mean `" + name + "`?").orElse("");
    }

    /**
     * Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}: the
     * optimal string alignment distance, so a transposition like "platfroms" counts as one typo.
     */
    static int edits(String a, String b) {
        int[][] distance = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            distance[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            distance[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                distance[i][j] = Math.min(Math.min(distance[i - 1][j] + 1, distance[i][j - 1] + 1), distance[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    distance[i][j] = Math.min(distance[i][j], distance[i - 2][j - 2] + 1);
                }
            }
        }
        return distance[a.length()][b.length()];
    }
}
