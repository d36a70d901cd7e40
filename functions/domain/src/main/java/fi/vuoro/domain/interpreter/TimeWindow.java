package fi.vuoro.domain.interpreter;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The hours of a day an interpreter can take requests, the site's local time.
 *
 * @param from when the hours start
 * @param to   when they end, after {@code from}: hours past midnight are not an advice point's
 */
public record TimeWindow(LocalTime from, LocalTime to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A time window must start before it ends: " + from + "-" + to);
        }
    }
}
