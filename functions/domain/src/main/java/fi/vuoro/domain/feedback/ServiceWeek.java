package fi.vuoro.domain.feedback;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * An ISO week such as {@code 2026-W49}: the only time an answer carries, coarse enough that it points at no visit.
 * Its text sorts in time order.
 */
public record ServiceWeek(int weekBasedYear, int week) implements Comparable<ServiceWeek> {

    public static ServiceWeek of(LocalDate date) {
        return new ServiceWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static ServiceWeek parse(String text) {
        if (text == null || !text.matches("[0-9]{4}-W[0-9]{2}")) {
            throw new IllegalArgumentException("A week is written like 2026-W49: " + text);
        }
        return new ServiceWeek(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(6)));
    }

    /** The Monday of the week. */
    public LocalDate monday() {
        return LocalDate.of(weekBasedYear, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public int compareTo(ServiceWeek other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", weekBasedYear, week);
    }
}
