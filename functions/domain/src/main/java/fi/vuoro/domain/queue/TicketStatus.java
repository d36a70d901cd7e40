package fi.vuoro.domain.queue;

/**
 * A ticket's life: WAITING, then CALLED to a desk, then one of the endings: SERVED, NO_SHOW, LEFT (the visitor's
 * word), or REMOVED (staff took a junk ticket off the queue: no visit, no SMS, not counted in the reports).
 */
public enum TicketStatus {
    WAITING,
    CALLED,
    SERVED,
    NO_SHOW,
    LEFT,
    REMOVED;

    /** A live ticket still holds the visitor's place (and a phone number an SMS may be owed to). */
    public boolean isLive() {
        return this == WAITING || this == CALLED;
    }
}
