package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.outbox.OutboundSms;
import java.time.Instant;
import java.util.List;

/**
 * One change of an interpreter request, decided on its state {@code before} ({@code null} for a new request): the
 * state {@code after}, the SMS it owes, and what it does to interpreters: whom it asked now (their open offer is
 * indexed under them, and their turn in the fairness order moves), whose offers it closed, and who got the
 * interpreting. A store writes it atomically and only onto {@code before}'s version.
 */
public record RequestChange(InterpreterRequest before, InterpreterRequest after, List<OutboundSms> owed,
                            List<Offer> opened, List<Offer> closed, List<String> assigned, Instant at) {

    public RequestChange {
        owed = List.copyOf(owed);
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
        assigned = List.copyOf(assigned);
    }
}
