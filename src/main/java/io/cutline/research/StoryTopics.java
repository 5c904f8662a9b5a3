package io.cutline.research;

import io.cutline.model.Signal;
import io.cutline.model.Topic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one story (signals with nearly the same title) into a topic candidate: the first signal's
 * title, the sentences of all their summaries as facts (each once), their tags as keywords and their
 * URLs as sources. A story whose summaries hold no sentence gives no topic: writers write from facts.
 */
final class StoryTopics {

    private static final int SHORTEST_FACT = 10;
    private static final int LONGEST_FACT = 400;
    private static final int MOST_KEYWORDS = 12;
    /** A link that is a URL, not a record's title within its file (which is no source a brief can cite). */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private StoryTopics() {
    }

    static List<String> facts(List<Signal> story) {
        List<String> facts = new ArrayList<>();
        for (Signal signal : story) {
            for (String sentence : signal.summary().split("(?<=[.!?])\\s+")) {
                String fact = sentence.strip();
                if (fact.length() >= SHORTEST_FACT && fact.length() <= LONGEST_FACT
                        && facts.stream().noneMatch(known -> Words.similarity(known, fact) >= 0.8)) {
                    facts.add(fact);
                }
            }
        }
        return List.copyOf(facts);
    }

    static Topic topic(List<Signal> story, double score) {
        Set<String> keywords = new LinkedHashSet<>();
        story.forEach(signal -> signal.tags().stream().filter(tag -> !tag.isBlank() && tag.length() <= 40).forEach(keywords::add));
        return new Topic(story.get(0).title(), score, keywords.stream().limit(MOST_KEYWORDS).toList(), facts(story),
                story.stream().map(Signal::link).filter(link -> URL.matcher(link).lookingAt()).distinct().toList());
    }
}
