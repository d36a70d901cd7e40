package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.Optional;

/** Where tickets live. Every change of a ticket is a conditional write in the store. */
public interface QueueStore {

    /** Reserves the next running number of the site's day: strictly increasing, never repeated. */
    int nextTicketNumber(String siteId, ServiceDay day, Instant expiresAt);

    /**
     * Stores a new WAITING ticket and marks it as the visitor's live ticket at the site, atomically.
     *
     * @throws LiveTicketExistsException if the visitor already holds a live ticket there
     */
    void createTicket(Ticket ticket);

    /** The visitor's live ticket at the site, if any (expired tickets are not returned). */
    Optional<Ticket> findLiveTicket(String phoneHash, String siteId, Instant now);

    Optional<Ticket> find(TicketRef ref, Instant now);

    /** How many WAITING tickets of the same day are ahead of this one. */
    int countWaitingAhead(TicketRef ref, Instant now);

    /**
     * Ends a live ticket as LEFT, forgets its phone number and frees the visitor's live slot.
     *
     * @return false if the ticket was no longer live (someone else ended it first)
     */
    boolean leave(Ticket ticket, Instant now);

    /** Changes the language of a ticket (e.g. after the visitor asked for another language). */
    void changeLanguage(TicketRef ref, String language, boolean needsInterpreter);

    /**
     * Deletes everything about a visitor: profile, live slots, references, and the phone identity on
     * every one of their tickets (live ones end as LEFT).
     */
    void eraseVisitor(String phoneHash, Instant now);
}
