package fi.vuoro.domain.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a site takes visitors, per weekday, in the site's own time zone. A day may have several
 * periods (e.g. a lunch break); a day without periods is closed.
 */
public final class OpeningHours {

    /** One opening period; {@code end} is exclusive. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("An opening period must end after it starts: " + start + "-" + end);
            }
        }

        /** The period as written: {@code 09:00-12:00}; the end of the day is {@code 24:00}. */
        public String text() {
            return TIME.format(start) + "-" + (end.equals(LocalTime.MAX) ? "24:00" : TIME.format(end));
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Map<DayOfWeek, List<Period>> periods;

    public OpeningHours(Map<DayOfWeek, List<Period>> periods) {
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        periods.forEach((day, list) -> {
            List<Period> sorted = new ArrayList<>(list);
            sorted.sort((a, b) -> a.start().compareTo(b.start()));
            copy.put(day, List.copyOf(sorted));
        });
        this.periods = Collections.unmodifiableMap(copy);
    }

    /** Open around the clock on every day of the week. */
    public static OpeningHours always() {
        EnumMap<DayOfWeek, List<Period>> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, List.of(new Period(LocalTime.MIN, LocalTime.MAX)));
        }
        return new OpeningHours(all);
    }

    /**
     * Parses the stored form: weekday (MON..SUN) to a comma-separated list of {@code HH:mm-HH:mm}
     * periods; {@code 24:00} means midnight at the end of the day.
     */
    public static OpeningHours parse(Map<String, String> byWeekday) {
        EnumMap<DayOfWeek, List<Period>> parsed = new EnumMap<>(DayOfWeek.class);
        byWeekday.forEach((dayName, text) -> {
            DayOfWeek day = weekday(dayName);
            List<Period> list = new ArrayList<>();
            for (String part : text.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] ends = trimmed.split("-");
                if (ends.length != 2) {
                    throw new IllegalArgumentException("Opening period must look like 08:30-16:00, got: " + trimmed);
                }
                list.add(new Period(time(ends[0]), time(ends[1])));
            }
            parsed.put(day, list);
        });
        return new OpeningHours(parsed);
    }

    public Map<DayOfWeek, List<Period>> periods() {
        return periods;
    }

    public boolean isOpen(ZonedDateTime localNow) {
        return new OpeningCalendar(this, List.of()).isOpen(localNow);
    }

    /** The next moment after {@code localNow} when the site opens, within a month. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime localNow) {
        return new OpeningCalendar(this, List.of()).nextOpening(localNow);
    }

    private static DayOfWeek weekday(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(upper) && upper.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("Unknown weekday: " + name);
    }

    private static LocalTime time(String text) {
        String trimmed = text.trim();
        if ("24:00".equals(trimmed)) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("An opening time looks like 08:30, got: " + trimmed, e);
        }
    }
}
