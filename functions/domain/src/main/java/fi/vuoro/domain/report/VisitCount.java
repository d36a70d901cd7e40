package fi.vuoro.domain.report;

import fi.vuoro.domain.queue.TicketStatus;
import java.util.Optional;

/**
 * One ended visit as a site's daily tally counts it: how it ended, the local hour the visitor joined, how long they
 * waited to be called (whole minutes, capped at {@link #MAX_WAIT_MINUTES}), and whether an interpreter was asked
 * for and found. Nothing in it points at the visitor.
 */
public record VisitCount(TicketStatus outcome, int hourJoined, Optional<Integer> waitMinutes,
                         boolean interpreterRequested, boolean interpreterFound) {

    /** Waits longer than this are counted as this long: a half-day wait is a half-day wait. */
    public static final int MAX_WAIT_MINUTES = 240;

    public VisitCount {
        if (outcome != TicketStatus.SERVED && outcome != TicketStatus.NO_SHOW && outcome != TicketStatus.LEFT) {
            throw new IllegalArgumentException("Only ended visits are counted: " + outcome);
        }
        if (hourJoined < 0 || hourJoined > 23) {
            throw new IllegalArgumentException("An hour of the day is 0-23: " + hourJoined);
        }
        waitMinutes = waitMinutes.map(minutes -> Math.max(0, Math.min(MAX_WAIT_MINUTES, minutes)));
    }
}
