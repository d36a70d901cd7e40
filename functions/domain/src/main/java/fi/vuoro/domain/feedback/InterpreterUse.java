package fi.vuoro.domain.feedback;

import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;

/** Whether an interpreter took part in a visit: one confirmed for its ticket. */
@FunctionalInterface
public interface InterpreterUse {

    boolean wasUsed(TicketRef ticket, Instant now);

    /** For a deployment without interpreter matching. */
    static InterpreterUse never() {
        return (ticket, now) -> false;
    }
}
