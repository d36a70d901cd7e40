package fi.vuoro.domain.queue;

/** A ticket's life: WAITING, then CALLED to a desk, then one of the three endings. */
public enum TicketStatus {
    WAITING,
    CALLED,
    SERVED,
    NO_SHOW,
    LEFT;

    /** A live ticket still holds the visitor's place (and a phone number an SMS may be owed to). */
    public boolean isLive() {
        return this == WAITING || this == CALLED;
    }
}
