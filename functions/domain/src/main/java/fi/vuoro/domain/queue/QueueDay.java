package fi.vuoro.domain.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one site's service day that staff see: its tickets in order, and its desks; and the count of
 * its waiting the store keeps, if it keeps one.
 */
public record QueueDay(List<Ticket> tickets, List<Desk> desks, Optional<WaitingTally> tally) {

    /**
     * Longer than any join or walk-in takes from drawing its number to writing its ticket (a function's time limit,
     * twice over): a number still missing after a later ticket has waited this long was given up, not late.
     */
    static final Duration GIVEN_UP_AFTER = Duration.ofMinutes(5);

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

    /**
     * Whether every ticket number up to {@code lastNumber} is in this read or was given up: a number is drawn before
     * its ticket is written, so a read made just between the two misses a ticket its day's version already counts.
     * A number is given up when a later ticket joined more than {@link #GIVEN_UP_AFTER} ago (the join that drew it
     * failed, e.g. it lost a race for the visitor's live ticket).
     */
    public boolean settledUpTo(int lastNumber, Instant now) {
        BitSet present = new BitSet(lastNumber + 1);
        tickets.forEach(ticket -> present.set(ticket.number()));
        int missing = present.previousClearBit(lastNumber);
        if (missing < 1) {
            return true;
        }
        Instant settledBefore = now.minus(GIVEN_UP_AFTER);
        return tickets.stream().anyMatch(t -> t.number() > missing && t.joinedAt().isBefore(settledBefore));
    }

    public long openDesks() {
        return desks.stream().filter(Desk::open).count();
    }
}
