package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.outbox.PremiseCheck;
import java.time.Instant;
import java.util.Optional;

/** Checks an owed SMS's premise against the ticket it is about, as the store has it right before sending. */
public final class TicketPremises implements PremiseCheck {

    private final QueueStore queue;

    public TicketPremises(QueueStore queue) {
        this.queue = queue;
    }

    @Override
    public Optional<String> broken(Premise premise, Instant now) {
        if (!(premise instanceof Premise.TicketState expected)) {
            return Optional.of("a premise of an unknown kind");
        }
        Optional<Ticket> found = queue.find(new TicketRef(expected.siteId(), new ServiceDay(expected.day()),
                expected.number()), now);
        if (found.isEmpty()) {
            return Optional.of("the ticket is gone");
        }
        Ticket ticket = found.get();
        if (!ticket.status().name().equals(expected.status())) {
            return Optional.of("the ticket is " + ticket.status() + " now, not " + expected.status());
        }
        if (expected.calledAt().isPresent() && !expected.calledAt().equals(ticket.calledAt())) {
            return Optional.of("the visitor was called again since");
        }
        return Optional.empty();
    }
}
