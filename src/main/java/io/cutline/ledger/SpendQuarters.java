package io.cutline.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The quarter hours the running total of a channel's committed money is kept in: every time zone's
 * midnight is on a quarter hour, so a day's quarters add up to exactly that day.
 */
final class SpendQuarters {

    private static final int MINUTES = 15;

    private SpendQuarters() {
    }

    /** The start of the quarter hour {@code time} is in, in UTC. */
    static OffsetDateTime of(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        return utc.minusMinutes(utc.getMinute() % MINUTES);
    }
}
