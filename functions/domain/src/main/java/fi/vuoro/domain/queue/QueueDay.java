package fi.vuoro.domain.queue;

import java.util.Comparator;
import java.util.List;

/** Everything about one site's service day that staff see: its tickets in order, and its desks. */
public record QueueDay(List<Ticket> tickets, List<Desk> desks) {

    public QueueDay {
        tickets = tickets.stream().sorted(Comparator.comparingInt(Ticket::number)).toList();
        desks = List.copyOf(desks);
    }

    public List<Ticket> waiting() {
        return tickets.stream().filter(t -> t.status() == TicketStatus.WAITING).toList();
    }

    public long openDesks() {
        return desks.stream().filter(Desk::open).count();
    }
}
