package io.cutline.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the bandit maximises: one metric of a publication's latest sample (by default
 * {@code averageViewPercentage}), normalised per platform to 0..1 by dividing by that platform's full
 * marks ({@code cutline.feedback.objective.full}) and capping at 1. A platform without full marks, or a
 * sample without the metric, says nothing about the objective (its views still count as the tiebreak).
 */
record Objective(String metric, Map<String, Double> fullMarks) {

    Objective {
        fullMarks = Map.copyOf(fullMarks);
    }

    /** {@code youtube:100, instagram:100}: a platform's value that counts as full marks. */
    static Objective parse(String metric, String fullMarks, String property) {
        Map<String, Double> marks = new LinkedHashMap<>();
        for (String pair : fullMarks.split(",")) {
            String[] parts = pair.strip().split(":");
            try {
                double full = Double.parseDouble(parts.length == 2 ? parts[1].strip() : "");
                if (full <= 0 || parts[0].isBlank()) {
                    throw new NumberFormatException();
                }
                marks.put(parts[0].strip(), full);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("property " + property + ": '" + pair.strip()
                        + "' is not <platform>:<full marks above 0>, e.g. youtube:100");
            }
        }
        return new Objective(metric, marks);
    }

    OptionalDouble of(String platform, Map<String, Double> metrics) {
        Double full = fullMarks.get(platform);
        Double value = metrics.get(metric);
        if (full == null || value == null || value.isNaN()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, Math.min(1, value / full)));
    }
}
