package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
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

    /** The site's whole service day, tickets and desks, read in one Query. Expired items are left out. */
    QueueDay day(String siteId, ServiceDay day, Instant now);

    /** Stores a WAITING ticket of a walk-in, who has no phone and so no live slot. */
    void createWalkIn(Ticket ticket);

    /**
     * WAITING to CALLED at a desk, with the "your turn" SMS if the visitor has a phone, atomically.
     *
     * @return false if the ticket was no longer WAITING (another desk called it first)
     */
    boolean call(Ticket ticket, String desk, Instant now, Optional<OutboundSms> sms);

    /** Calls a CALLED visitor again (restarting the grace time), with the SMS again; false if not CALLED. */
    boolean recall(Ticket ticket, String desk, Instant now, Optional<OutboundSms> sms);

    /**
     * CALLED to SERVED or NO_SHOW: the phone number is forgotten, the live slot freed, and the SMS
     * (if any) written to the outbox, atomically.
     *
     * @return false if the ticket was no longer CALLED
     */
    boolean finish(Ticket ticket, TicketStatus outcome, Instant now, Optional<OutboundSms> sms);

    /** CALLED or NO_SHOW back to WAITING, keeping the ticket's place; false if in neither state. */
    boolean requeue(Ticket ticket, Instant now);

    /**
     * Marks that the visitor was told to come back, with that SMS, at most once per ticket.
     *
     * @return false if already marked or no longer WAITING
     */
    boolean markComeBackSent(Ticket ticket, Optional<OutboundSms> sms);

    /** Opens or closes a desk for the day. */
    void setDesk(String siteId, ServiceDay day, Desk desk, Instant expiresAt);
}
