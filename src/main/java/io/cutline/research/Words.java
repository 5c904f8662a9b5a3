package io.cutline.research;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Text as words, for matching topics, keywords and titles: lower case, letters and digits only, small words left out of comparisons. */
final class Words {

    private static final Set<String> SMALL = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "how",
            "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "what", "why", "with", "you", "your");

    private Words() {
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** The words that carry meaning: no small words, no single letters. */
    static Set<String> meaningful(String text) {
        return Arrays.stream(normalize(text).split(" "))
                .filter(word -> word.length() > 1 && !SMALL.contains(word))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** How alike two titles are, 0..1: the share of their meaningful words they have in common (Jaccard). */
    static double similarity(String first, String second) {
        Set<String> a = meaningful(first);
        Set<String> b = meaningful(second);
        if (a.isEmpty() || b.isEmpty()) {
            return normalize(first).equals(normalize(second)) ? 1 : 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    /** Whether {@code text} holds {@code phrase} as whole words. */
    static boolean mentions(String text, String phrase) {
        String wanted = normalize(phrase);
        return !wanted.isEmpty() && (" " + normalize(text) + " ").contains(" " + wanted + " ");
    }
}
