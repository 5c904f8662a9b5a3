package io.cutline.model;

import java.util.List;

/** A topic candidate from a channel's signals. */
public record Topic(String title, double score, List<String> keywords, List<String> facts, List<String> sources) {

    public Topic {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sources = sources == null ? List.of() : List.copyOf(sources);
        facts = List.copyOf(facts);
    }
}
