package io.cutline.distribution;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a publication's metrics are read: at each checkpoint (hours after posting), and while a
 * checkpoint has no data yet (analytics lag), again at each collection until {@code waitFor} has passed
 * since it (then it stays without data). Only the latest due checkpoint is read: an older one still
 * missing has nothing to add once a newer one is due.
 */
record Checkpoints(List<Integer> hours, Duration waitFor) {

    Checkpoints {
        hours = hours.stream().sorted().toList();
        if (hours.isEmpty() || hours.get(0) < 0) {
            throw new IllegalStateException("property cutline.feedback.checkpoints-h must list hours of 0 or more, got " + hours);
        }
    }

    static Checkpoints parse(String hours, Duration waitFor) {
        List<Integer> parsed = new ArrayList<>();
        for (String part : hours.split(",")) {
            try {
                parsed.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("property cutline.feedback.checkpoints-h: '" + part.strip() + "' is not a whole number of hours");
            }
        }
        return new Checkpoints(parsed, waitFor);
    }

    /** How far back a publication can still have a checkpoint due. */
    Duration horizon() {
        return Duration.ofHours(hours.get(hours.size() - 1)).plus(waitFor);
    }

    /** The checkpoint to read now, if one is due and has no sample yet. */
    Optional<Integer> due(OffsetDateTime publishedAt, Set<Integer> collected, Instant now) {
        for (int i = hours.size() - 1; i >= 0; i--) {
            Instant at = publishedAt.toInstant().plus(Duration.ofHours(hours.get(i)));
            if (!now.isBefore(at)) {
                boolean waiting = now.isBefore(at.plus(waitFor));
                return waiting && !collected.contains(hours.get(i)) ? Optional.of(hours.get(i)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
