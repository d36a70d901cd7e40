package fi.vuoro.domain.outbox;

/**
 * Where an owed SMS stands. It moves PENDING → SENDING (claimed by one dispatcher) → SENT (accepted by
 * Twilio) → DELIVERED, UNDELIVERED or FAILED (from Twilio's status callbacks, or FAILED when Vuoro gives
 * up). An attempt that certainly did not reach Twilio puts a SENDING message back to PENDING for a later
 * attempt; from SENT on a message never moves back. A message whose time or premise has passed before it could
 * be sent is DROPPED, never sent.
 */
public enum OutboxStatus {

    PENDING(0),
    SENDING(0),
    SENT(1),
    DELIVERED(2),
    UNDELIVERED(2),
    FAILED(2),
    DROPPED(2);

    private final int rank;

    OutboxStatus(int rank) {
        this.rank = rank;
    }

    /** Statuses only ever move to a higher rank: a late "sent" cannot undo "delivered". */
    public int rank() {
        return rank;
    }
}
