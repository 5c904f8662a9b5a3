package io.cutline.writer;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answer of a writer: the document it holds (null when it holds none that can be read), the
 * answer's text as given (for a repair), the problems the writer found itself (cut off, refused, not
 * JSON) and what the call used and cost.
 */
public record Draft(JsonNode document, String text, List<String> problems, Usage usage) {

    /** Tokens a call used and its price in US dollars; {@link #NONE} for a writer that calls nothing. */
    public record Usage(String model, int inputTokens, int outputTokens, double usd) {
        public static final Usage NONE = new Usage(null, 0, 0, 0);
    }

    public Draft {
        problems = List.copyOf(problems);
    }

    /** A document and nothing wrong with it so far. */
    public static Draft of(JsonNode document, String text, Usage usage) {
        return new Draft(document, text, List.of(), usage);
    }
}
