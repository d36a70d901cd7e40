package fi.vuoro.domain.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What must still be true for an owed SMS to be worth sending. A message can wait in the outbox (a Twilio
 * outage, retries): "your turn, desk 3" sent after the visitor was served, left or put back in the queue would
 * mislead them, so the dispatcher checks its premise right before sending and drops it otherwise.
 */
public sealed interface Premise {

    /**
     * The ticket is still in {@code status}; for a call, still from the call at {@code calledAt} (a recall or a
     * requeue since makes it another call).
     */
    record TicketState(String siteId, LocalDate day, int number, String status, Optional<Instant> calledAt)
            implements Premise {
    }

    /** The interpreter's offer of that wave for the ticket is still open: nobody took it, nothing withdrew it. */
    record OfferOpen(String siteId, LocalDate day, int number, String interpreterId, int wave) implements Premise {
    }
}
