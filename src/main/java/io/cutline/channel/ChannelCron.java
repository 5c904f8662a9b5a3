package io.cutline.channel;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

/**
 * A channel's {@code schedule.cron} in the form Quartz runs. Operators may write the 5 fields cron
 * has everywhere else (minute hour day-of-month month day-of-week), which are translated: a seconds
 * field {@code 0} goes first; cron numbers weekdays 0-7 from Sunday (7 is Sunday again) where
 * Quartz numbers them 1-7 from Sunday, so weekday numbers move up by one; Quartz wants {@code ?} in
 * exactly one day field, so the one left open ({@code *}) becomes {@code ?}. With both day fields
 * restricted, cron fires when either matches, which Quartz cannot express: that is refused. Quartz's
 * own 6 or 7 fields (seconds first, optional year) are taken as they are.
 */
final class ChannelCron {

    private static final Pattern NUMERIC_WEEKDAYS = Pattern.compile("(\\*|\\d+)(?:-(\\d+))?(?:/(\\d+))?");
    private static final Pattern NAMED_WEEKDAYS = Pattern.compile("[A-Za-z]{3}(?:-[A-Za-z]{3})?");

    private ChannelCron() {
    }

    /** The Quartz expression for a cron as written in a channel file; throws when it cannot be translated. */
    static String quartz(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length == 6 || fields.length == 7) {
            return String.join(" ", fields);
        }
        if (fields.length != 5) {
            throw new IllegalArgumentException("it has " + fields.length + " fields");
        }
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        boolean anyDayOfWeek = dayOfWeek.equals("*") || dayOfWeek.equals("?");
        if (!anyDayOfWeek && !(dayOfMonth.equals("*") || dayOfMonth.equals("?"))) {
            throw new IllegalArgumentException("it restricts both day-of-month and day-of-week, which cron reads as"
                    + " 'either' and Quartz cannot run; restrict one and write * in the other");
        }
        return String.join(" ", "0", fields[0], fields[1], anyDayOfWeek ? dayOfMonth : "?", fields[3],
                anyDayOfWeek ? "?" : quartzWeekdays(dayOfWeek));
    }

    /** What is wrong with a cron as written in a channel file, read in {@code zone}: it cannot be read, or it never fires. */
    static Optional<String> problem(String cron, ZoneId zone) {
        CronExpression expression;
        try {
            expression = new CronExpression(quartz(cron));
        } catch (IllegalArgumentException | ParseException e) {
            return Optional.of("not a cron expression: " + e.getMessage() + ". Write 5 fields (minute hour day-of-month month"
                    + " day-of-week, e.g. '0 9,17 * * *') or Quartz's 6 with seconds first (e.g. '0 0 9,17 * * ?')");
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        if (expression.getNextValidTimeAfter(new Date()) == null) {
            return Optional.of("'" + cron + "' never fires (a date that does not exist, such as 30 February, or a year gone by)");
        }
        return Optional.empty();
    }

    /** The first time after {@code after} that a Quartz cron fires in {@code zone}; empty when it never fires again. */
    static Optional<Instant> next(String quartzCron, ZoneId zone, Instant after) {
        try {
            CronExpression expression = new CronExpression(quartzCron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return Optional.ofNullable(expression.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a Quartz cron expression: " + quartzCron, e);
        }
    }

    /** cron's weekdays (0-7, 0 and 7 Sunday) as Quartz's (1-7, 1 Sunday); names are the same in both. */
    private static String quartzWeekdays(String field) {
        List<String> parts = new ArrayList<>();
        TreeSet<Integer> days = new TreeSet<>();
        for (String element : field.split(",")) {
            Matcher numeric = NUMERIC_WEEKDAYS.matcher(element);
            if (NAMED_WEEKDAYS.matcher(element).matches()) {
                parts.add(element.toUpperCase(Locale.ROOT));
            } else if (numeric.matches()) {
                boolean all = numeric.group(1).equals("*");
                int first = all ? 0 : weekday(numeric.group(1));
                int last = numeric.group(2) != null ? weekday(numeric.group(2)) : all || numeric.group(3) != null ? 7 : first;
                int step = numeric.group(3) == null ? 1 : Integer.parseInt(numeric.group(3));
                if (first > last || step == 0) {
                    throw new IllegalArgumentException("day-of-week '" + element + "' is not a range of days");
                }
                for (int day = first; day <= last; day += step) {
                    days.add(day % 7 + 1);
                }
            } else {
                throw new IllegalArgumentException("day-of-week '" + element + "' is not 0-7 (0 and 7: Sunday), SUN-SAT,"
                        + " a range, a list or a step");
            }
        }
        days.forEach(day -> parts.add(String.valueOf(day)));
        return String.join(",", parts);
    }

    private static int weekday(String number) {
        int day = Integer.parseInt(number);
        if (day > 7) {
            throw new IllegalArgumentException("day-of-week " + day + " is not 0-7 (0 and 7: Sunday)");
        }
        return day;
    }
}
