package io.cutline.generation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import io.cutline.channel.Channel;
import io.cutline.ledger.CostLedger;

/**
 * A channel's budgets against the money its generations have committed: {@code perVideoUsd} for
 * each job, {@code perDayUsd} for the channel since midnight in its time zone.
 */
public class Budgets {

    private final CostLedger costs;

    public Budgets(CostLedger costs) {
        this.costs = costs;
    }

    /**
     * Why spending {@code usd} more on the job would break one of its channel's budgets, if it would;
     * the clip {@code excluding} (being checked again before it is sent) is not counted as committed.
     */
    Optional<String> overBudget(String jobId, Channel channel, double usd, String excluding) {
        double job = costs.committedBy(jobId, excluding);
        if (job + usd > channel.budget().perVideoUsd().doubleValue()) {
            return Optional.of(String.format(Locale.ROOT, "$%.2f more would pass the per-video budget of $%.2f ($%.2f committed)",
                    usd, channel.budget().perVideoUsd(), job));
        }
        double day = costs.committedByChannel(channel.id(), startOfDay(channel), excluding);
        if (day + usd > channel.budget().perDayUsd().doubleValue()) {
            return Optional.of(String.format(Locale.ROOT, "$%.2f more would pass the per-day budget of $%.2f ($%.2f committed today)",
                    usd, channel.budget().perDayUsd(), day));
        }
        return Optional.empty();
    }

    private static OffsetDateTime startOfDay(Channel channel) {
        ZoneId zone = ZoneId.of(channel.schedule().timeZone());
        return LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
    }
}
