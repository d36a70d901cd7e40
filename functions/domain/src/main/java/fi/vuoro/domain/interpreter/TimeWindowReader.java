package fi.vuoro.domain.interpreter;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hours that end an availability text: {@code 12-16}, {@code 9:30-13}, {@code 9.30–13.00},
 * {@code 12 - 16}. Hours are whole hours or {@code H:mm} / {@code H.mm}; any dash joins them. Only
 * punctuation, symbols or emoji may follow.
 */
final class TimeWindowReader {

    /**
     * Two times joined by a dash (any dash, a minus sign or a tilde) at the end of the text. The Arabic
     * decimal separator is accepted between hours and minutes as well as the colon and the full stop.
     */
    private static final Pattern WINDOW = Pattern.compile(
            "(?<![0-9])([0-9]{1,2})(?:[:.\u066B]([0-9]{2}))?[\\s\\p{Z}]*[\\p{Pd}\u2212~][\\s\\p{Z}]*"
                    + "([0-9]{1,2})(?:[:.\u066B]([0-9]{2}))?[^\\p{L}\\p{N}]*$");

    /**
     * A time window found in a text.
     *
     * @param start  where in the text the window begins
     * @param window the hours, or empty when the times are impossible (25-26) or do not run forwards (16-12)
     */
    record Found(int start, Optional<TimeWindow> window) {
    }

    private TimeWindowReader() {
    }

    /** The time window the prepared text ends with; empty when it does not end with two times and a dash. */
    static Optional<Found> atEnd(String prepared) {
        Matcher matcher = WINDOW.matcher(prepared);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Optional<LocalTime> from = time(matcher.group(1), matcher.group(2));
        Optional<LocalTime> to = time(matcher.group(3), matcher.group(4));
        Optional<TimeWindow> window = from.isPresent() && to.isPresent() && from.get().isBefore(to.get())
                ? Optional.of(new TimeWindow(from.get(), to.get()))
                : Optional.empty();
        return Optional.of(new Found(matcher.start(), window));
    }

    private static Optional<LocalTime> time(String hours, String minutes) {
        int hour = Integer.parseInt(hours);
        int minute = minutes == null ? 0 : Integer.parseInt(minutes);
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(hour, minute));
    }
}
