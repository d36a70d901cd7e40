package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
import java.util.List;

/**
 * One change of a ticket, decided on its state {@code before}: the state {@code after}, the SMS it owes, whether it
 * frees the visitor's live slot at the site (the ticket ended), and what happened, for listeners. A store writes
 * it atomically and only onto {@code before}'s version.
 */
public record TicketChange(Ticket before, Ticket after, List<OutboundSms> owed, boolean freesLiveSlot,
                           List<QueueEvent> events) {

    public TicketChange {
        if (!before.ref().equals(after.ref())) {
            throw new IllegalArgumentException("A change keeps the ticket it changes: " + before + " / " + after);
        }
        owed = List.copyOf(owed);
        events = List.copyOf(events);
    }

    /** The same change, owing these SMS instead. */
    public TicketChange owing(List<OutboundSms> sms) {
        return new TicketChange(before, after, sms, freesLiveSlot, events);
    }
}
