package fi.vuoro.domain.outbox;

import java.time.Instant;

/** Tells operators that a site reached its hourly SMS cap (a metric with an alarm on it, in AWS). */
public interface SendCapAlarm {

    /** Only the dispatcher's own warning in the log. */
    SendCapAlarm NONE = (siteId, perHour, reopensAt, held) -> { };

    /** The site has sent {@code perHour} SMS this hour; {@code held} messages wait until {@code reopensAt}. */
    void reached(String siteId, int perHour, Instant reopensAt, int held);
}
