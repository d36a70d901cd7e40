package fi.vuoro.domain.queue;

/** A ticket and how many WAITING tickets of its day are ahead of it, read together. */
public record TicketPosition(Ticket ticket, int waitingAhead) {
}
