package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where tickets live. A ticket is created once and then only ever changed by {@link #apply}: the store does not
 * know the rules, it writes what {@link TicketLifecycle} decided, atomically and only onto the version decided on.
 */
public interface QueueStore {

    /**
     * Reserves the next running number of the site's day (strictly increasing, never repeated) for a new WAITING
     * ticket, and counts that ticket among the day's waiting in the same atomic step: the draw says how many wait
     * ahead of it. The ticket must then be created; one that cannot be ({@link #createTicket} refused it) gives its
     * place back.
     *
     * @throws DayFullException if the day has given {@link TicketCode#MAX_PER_DAY} numbers (nothing is counted)
     */
    NumberDraw drawNumber(String siteId, ServiceDay day, Instant expiresAt);

    /** {@link #drawNumber}'s number alone. */
    default int nextTicketNumber(String siteId, ServiceDay day, Instant expiresAt) {
        return drawNumber(siteId, day, expiresAt).number();
    }

    /**
     * Stores a new WAITING ticket (its number drawn by {@link #drawNumber}) and marks it as the visitor's live ticket
     * at the site, with what the join writes besides, atomically. A ticket that is refused gives its drawn place
     * among the waiting back.
     *
     * @throws LiveTicketExistsException if the visitor already holds a live ticket there
     */
    void createTicket(Ticket ticket, Optional<JoinWrites> with);

    default void createTicket(Ticket ticket) {
        createTicket(ticket, Optional.empty());
    }

    /** Stores a WAITING ticket of a walk-in (its number drawn by {@link #drawNumber}), who has no phone and so no live slot. */
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

    /** The ticket and how many WAITING tickets of its day are ahead of it, read at once. */
    Optional<TicketPosition> findWithPosition(TicketRef ref, Instant now);

    /**
     * The site's whole service day, tickets and desks, and the count of its waiting the store keeps, read at once.
     * Expired items are left out.
     */
    QueueDay day(String siteId, ServiceDay day, Instant now);

    /**
     * Stores {@code waiting} as the day's count of WAITING tickets, only if the count is still as {@code read}: nothing
     * was drawn and no ticket changed since the day was read (even moves that cancel out in the count refuse it).
     *
     * @return whether it was stored
     */
    boolean correctWaiting(String siteId, ServiceDay day, WaitingTally read, int waiting);

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
