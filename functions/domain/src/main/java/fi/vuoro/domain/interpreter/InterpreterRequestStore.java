package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where interpreter requests live, beside their tickets, and the offers each interpreter holds. */
public interface InterpreterRequestStore {

    Optional<InterpreterRequest> find(TicketRef ticket, Instant now);

    /** The requests of a site's day, with the day's tickets (expired ones are left out). */
    List<InterpreterRequest> ofDay(String siteId, ServiceDay day, Instant now);

    /**
     * The site's day, as {@code QueueStore.day} reads it, with its requests: in one read, as they share the day
     * (expired ones are left out).
     */
    DayWithRequests dayWithRequests(String siteId, ServiceDay day, Instant now);

    /**
     * Writes a change atomically: the request's new state (one version on; a new request only if none exists for
     * the ticket), the SMS it owes (each once), the offers it opened indexed under their interpreters as open, those
     * it closed marked closed (or assigned, for whom it assigned), and the fairness turn of the interpreters it
     * asked or assigned.
     *
     * @return false if the request changed since (or exists already, for a new one); nothing was written
     */
    boolean apply(RequestChange change);

    /** Deletes every SMS still owed to the interpreter: their removal takes their number out of the outbox too. */
    void dropOwedSmsOf(String interpreterId);

    /** The offers the interpreter got today, whatever became of them. */
    List<HeldOffer> offersOf(String interpreterId, Instant now);
}
