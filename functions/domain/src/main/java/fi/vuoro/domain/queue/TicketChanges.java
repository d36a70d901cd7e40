package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies ticket changes the optimistic way: decide on the ticket as read, write only onto that version, and if
 * the ticket changed meanwhile read it again and decide again. Once written, the change's events go to the
 * listeners. A change that no longer applies to the fresh state is refused by the rules themselves.
 */
public final class TicketChanges {

    static final int ATTEMPTS = 5;

    private final QueueStore queue;
    private final QueueEvents events;

    public TicketChanges(QueueStore queue, QueueEvents events) {
        this.queue = queue;
        this.events = events;
    }

    /**
     * Decides on {@code known} (the ticket as the caller read it) and writes the change; on a newer version, reads
     * the ticket again and decides again.
     *
     * @return the ticket as written
     * @throws QueueConflictException if the rules refuse the change on the ticket's state
     * @throws QueueBusyException if the ticket kept changing under every attempt
     */
    public Ticket apply(Ticket known, Instant now, Function<Ticket, TicketChange> decide) {
        Ticket ticket = known;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            TicketChange change = decide.apply(ticket);
            if (queue.apply(change)) {
                events.publish(change.events());
                return change.after().nextVersion();
            }
            Optional<Ticket> fresh = queue.find(ticket.ref(), now);
            if (fresh.isEmpty()) {
                throw new QueueConflictException("Ticket " + ticket.code() + " is gone");
            }
            ticket = fresh.get();
        }
        throw new QueueBusyException("Ticket " + known.code() + " kept changing; nothing was written, try again");
    }
}
