package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.TicketRef;

/**
 * An offer an interpreter got today, indexed under them by its code, so that "YES 7" finds its request without
 * knowing which site asked: still open, theirs (they got the interpreting), or closed (taken, expired, withdrawn).
 */
public record HeldOffer(String interpreterId, TicketRef ticket, int code, Hold hold) {

    /** Where the offer stands for its interpreter. */
    public enum Hold { OPEN, ASSIGNED, CLOSED }
}
