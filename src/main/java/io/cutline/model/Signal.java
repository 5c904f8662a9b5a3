package io.cutline.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trend signal, whatever source it came from (a signals file, a JSON or CSV file, an RSS or Atom
 * feed): what it says, where it points, when it was published (null if the source does not say) and
 * the numbers the source gives ({@code score} 0..1, {@code rank}, {@code views}; none if it gives none).
 */
public record Signal(String title, String summary, String link, String source, Instant published, Map<String, Double> metrics,
                     List<String> tags) {

    public Signal {
        summary = summary == null ? "" : summary;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
