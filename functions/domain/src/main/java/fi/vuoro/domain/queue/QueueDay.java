package fi.vuoro.domain.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one site's service day that staff see: its tickets in order, and its desks; and the count of
 * its waiting the store keeps, if it keeps one.
 */
public record QueueDay(List<Ticket> tickets, List<Desk> desks, Optional<WaitingTally> tally) {

    public QueueDay {
        tickets = tickets.stream().sorted(Comparator.comparingInt(Ticket::number)).toList();
        desks = List.copyOf(desks);
    }

    public QueueDay(List<Ticket> tickets, List<Desk> desks) {
        this(tickets, desks, Optional.empty());
    }

    public List<Ticket> waiting() {
        return tickets.stream().filter(t -> t.status() == TicketStatus.WAITING).toList();
    }

    public long openDesks() {
        return desks.stream().filter(Desk::open).count();
    }
}
