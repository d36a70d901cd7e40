package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where tickets live. A ticket is created once and then only ever changed by {@link #apply}: the store does not
 * know the rules, it writes what {@link TicketLifecycle} decided, atomically and only onto the version decided on.
 */
public interface QueueStore {

    /** Reserves the next running number of the site's day: strictly increasing, never repeated. */
    int nextTicketNumber(String siteId, ServiceDay day, Instant expiresAt);

    /**
     * Stores a new WAITING ticket and marks it as the visitor's live ticket at the site, atomically.
     *
     * @throws LiveTicketExistsException if the visitor already holds a live ticket there
     */
    void createTicket(Ticket ticket);

    /** Stores a WAITING ticket of a walk-in, who has no phone and so no live slot. */
    void createWalkIn(Ticket ticket);

    /** The visitor's live ticket at the site, if any (expired tickets are not returned). */
    Optional<Ticket> findLiveTicket(String phoneHash, String siteId, Instant now);

    Optional<Ticket> find(TicketRef ref, Instant now);

    /** How many WAITING tickets of the same day are ahead of this one. */
    int countWaitingAhead(TicketRef ref, Instant now);

    /**
     * How far the site's day has got: cheap to read, and moved on by every write of what staff see of the day (the
     * stores of interpreter requests and of sites move it too, for their writes).
     */
    DayVersion dayVersion(String siteId, ServiceDay day);

    /** The site's whole service day, tickets and desks, read at once. Expired items are left out. */
    QueueDay day(String siteId, ServiceDay day, Instant now);

    /**
     * Writes a change, atomically: the ticket's new state (one version on), the SMS it owes (each stored once: one
     * already owed is not owed again) and, if it frees the live slot, the visitor's live slot at the site (only
     * while it still points at this ticket; one pointing at a newer ticket of the visitor stays). The ticket's own
     * state decides: the change is written only if the ticket is still at the version it was decided on.
     *
     * @return false if the ticket has changed since (another change was written first); nothing was written
     * @throws QueueBusyException if the store could not write it for contention that outlasted its retries
     */
    boolean apply(TicketChange change);

    /** Opens or closes a desk for the day. */
    void setDesk(String siteId, ServiceDay day, Desk desk, Instant expiresAt);

    /** Every ticket the visitor ever took (that has not expired), for erasure. */
    List<TicketRef> ticketsOf(String phoneHash);

    /** Deletes every SMS still owed for the ticket: erasure takes the encrypted number in them too. */
    void dropOwedSms(TicketRef ticket);

    /** Deletes the visitor's own items (profile, live slots, ticket references): the last step of erasure. */
    void forgetVisitor(String phoneHash);
}
