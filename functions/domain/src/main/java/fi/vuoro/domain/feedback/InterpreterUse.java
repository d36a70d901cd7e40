package fi.vuoro.domain.feedback;

import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Whether an interpreter took part in a visit: one confirmed for its ticket. */
@FunctionalInterface
public interface InterpreterUse {

    boolean wasUsed(TicketRef ticket, Instant now);

    /**
     * Remembers the answer for the last ticket asked: each ended visit is asked about by several listeners of the
     * same event (its feedback invitation, its tally), and an ended visit's answer no longer changes, so it is read
     * once.
     */
    static InterpreterUse rememberingLast(InterpreterUse source) {
        AtomicReference<Map.Entry<TicketRef, Boolean>> last = new AtomicReference<>();
        return (ticket, now) -> {
            Map.Entry<TicketRef, Boolean> known = last.get();
            if (known != null && known.getKey().equals(ticket)) {
                return known.getValue();
            }
            boolean used = source.wasUsed(ticket, now);
            last.set(Map.entry(ticket, used));
            return used;
        };
    }

    /** For a deployment without interpreter matching. */
    static InterpreterUse never() {
        return (ticket, now) -> false;
    }
}
