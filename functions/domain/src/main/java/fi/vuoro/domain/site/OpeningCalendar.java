package fi.vuoro.domain.site;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a site is open on a given date: the date's exception if it has one, else its weekday's hours. Times are the
 * site's local time.
 */
public final class OpeningCalendar {

    /** A long holiday may close a site for a while; the next opening is looked for this many days ahead. */
    static final int DAYS_TO_LOOK_AHEAD = 31;

    private final OpeningHours weekly;
    private final Map<LocalDate, OpeningException> exceptions;

    public OpeningCalendar(OpeningHours weekly, List<OpeningException> exceptions) {
        this.weekly = weekly;
        this.exceptions = exceptions.stream().collect(Collectors.toUnmodifiableMap(OpeningException::date,
                Function.identity(), (first, second) -> first));
    }

    /** The periods the site is open on the date. */
    public List<OpeningHours.Period> periodsOn(LocalDate date) {
        OpeningException exception = exceptions.get(date);
        return exception != null ? exception.hours()
                : weekly.periods().getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The date's exception to the weekly hours, if it has one. */
    public Optional<OpeningException> exceptionOn(LocalDate date) {
        return Optional.ofNullable(exceptions.get(date));
    }

    public boolean isOpen(ZonedDateTime localNow) {
        return periodsOn(localNow.toLocalDate()).stream().anyMatch(p -> p.contains(localNow.toLocalTime()));
    }

    /** The next moment after {@code localNow} when the site opens, within a month. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime localNow) {
        for (int offset = 0; offset <= DAYS_TO_LOOK_AHEAD; offset++) {
            ZonedDateTime day = localNow.plusDays(offset);
            for (OpeningHours.Period period : periodsOn(day.toLocalDate())) {
                ZonedDateTime opens = day.with(period.start());
                if (opens.isAfter(localNow)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }
}
