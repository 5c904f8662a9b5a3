package io.cutline.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The clip lengths a provider (model) can produce, as configured: {@code any} (any length, e.g. the
 * local renderer), {@code 2-10} (whole seconds in a range), or {@code 5,10} / {@code 4,6,8} (a list).
 */
public sealed interface DurationRule {

    /** The shortest producible length that is at least {@code seconds}, if any. */
    OptionalDouble fit(double seconds);

    /** The longest producible length. */
    double longest();

    /** Every producible length, shortest first (for a continuous rule: its bounds). */
    List<Double> lengths();

    static DurationRule parse(String spec) {
        String text = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.equals("any")) {
                return new Continuous(0.5, 600);
            }
            if (text.matches("\\d+\\s*-\\s*\\d+")) {
                String[] bounds = text.split("-");
                int min = Integer.parseInt(bounds[0].trim());
                int max = Integer.parseInt(bounds[1].trim());
                if (min < 1 || max < min) {
                    throw new IllegalArgumentException("range must be increasing and start at 1 or more");
                }
                return new IntegerRange(min, max);
            }
            List<Double> values = new ArrayList<>();
            for (String value : text.split(",")) {
                double length = Double.parseDouble(value.trim());
                if (length <= 0) {
                    throw new IllegalArgumentException("lengths must be positive");
                }
                values.add(length);
            }
            return new Choices(values.stream().sorted().distinct().toList());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a clip duration rule: '" + spec + "' (use any, 2-10 or 5,10): "
                    + e.getMessage(), e);
        }
    }

    /** Any length between the bounds. */
    record Continuous(double min, double max) implements DurationRule {
        public OptionalDouble fit(double seconds) {
            return seconds <= max ? OptionalDouble.of(Math.max(min, seconds)) : OptionalDouble.empty();
        }

        public double longest() {
            return max;
        }

        public List<Double> lengths() {
            return List.of(min, max);
        }
    }

    /** Whole seconds from min to max. */
    record IntegerRange(int min, int max) implements DurationRule {
        public OptionalDouble fit(double seconds) {
            double whole = Math.max(min, Math.ceil(seconds - 1e-9));
            return whole <= max ? OptionalDouble.of(whole) : OptionalDouble.empty();
        }

        public double longest() {
            return max;
        }

        public List<Double> lengths() {
            List<Double> lengths = new ArrayList<>();
            for (int length = min; length <= max; length++) {
                lengths.add((double) length);
            }
            return lengths;
        }
    }

    /** A fixed list of lengths. */
    record Choices(List<Double> values) implements DurationRule {
        public OptionalDouble fit(double seconds) {
            return values.stream().mapToDouble(Double::doubleValue).filter(value -> value >= seconds - 1e-9).findFirst();
        }

        public double longest() {
            return values.get(values.size() - 1);
        }

        public List<Double> lengths() {
            return values;
        }
    }
}
