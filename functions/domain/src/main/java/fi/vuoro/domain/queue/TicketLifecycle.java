package fi.vuoro.domain.queue;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a ticket's life, without storage: which change is allowed from which state, and what it owes (the
 * new state, the SMS, the events). Each method decides on the ticket as read and refuses with
 * {@link QueueConflictException} when the ticket is not in a state the change can start from.
 *
 * <pre>
 *   WAITING ──call──▶ CALLED ──served──▶ SERVED
 *      ▲                │  └──no-show──▶ NO_SHOW ──requeue──▶ WAITING
 *      └───requeue──────┘
 *   WAITING or CALLED ──leave / erase──▶ LEFT
 *   WAITING or CALLED ──remove (staff)──▶ REMOVED
 * </pre>
 */
public final class TicketLifecycle {

    private final QueueSms sms;

    public TicketLifecycle(QueueSms sms) {
        this.sms = sms;
    }

    /** WAITING to CALLED at a desk, owing "your turn, desk N". */
    public TicketChange call(Site site, Ticket ticket, String desk, Instant now) {
        require(ticket, ticket.status() == TicketStatus.WAITING, "is not waiting any more");
        Ticket called = ticket.calledTo(desk, now);
        return new TicketChange(ticket, called, owed(sms.yourTurn(site, called, desk, now)), false,
                List.of(new QueueEvent.Called(site, called, desk, false, now)));
    }

    /** A called visitor called again (they did not hear it): the grace time restarts, "your turn" again. */
    public TicketChange recall(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status() == TicketStatus.CALLED && ticket.desk().isPresent(), "is not called any more");
        String desk = ticket.desk().orElseThrow();
        Ticket called = ticket.calledTo(desk, now);
        return new TicketChange(ticket, called, owed(sms.yourTurn(site, called, desk, now)), false,
                List.of(new QueueEvent.Called(site, called, desk, true, now)));
    }

    /** CALLED to SERVED: the visit took place; the number is forgotten and the visitor may join again. */
    public TicketChange serve(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status() == TicketStatus.CALLED, "is not at a desk");
        Ticket served = ticket.ended(TicketStatus.SERVED, now);
        Optional<Duration> took = ticket.calledAt().map(called -> Duration.between(called, now));
        return new TicketChange(ticket, served, List.of(), true,
                List.of(new QueueEvent.Finished(site, served, TicketStatus.SERVED, took, ticket.phoneCipher(), now)));
    }

    /** CALLED to NO_SHOW: the visitor did not come; they are told how to join again. */
    public TicketChange noShow(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status() == TicketStatus.CALLED, "is not at a desk");
        Ticket missed = ticket.ended(TicketStatus.NO_SHOW, now);
        // The notice is made from the ticket as called, while it still holds the number.
        return new TicketChange(ticket, missed, owed(sms.noShow(site, ticket, now)), true,
                List.of(new QueueEvent.Finished(site, missed, TicketStatus.NO_SHOW, Optional.empty(),
                        ticket.phoneCipher(), now)));
    }

    /** CALLED or NO_SHOW back to WAITING, in the ticket's original place. */
    public TicketChange requeue(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status() == TicketStatus.CALLED || ticket.status() == TicketStatus.NO_SHOW,
                "cannot be put back in the queue");
        Ticket waiting = ticket.waitingAgain();
        return new TicketChange(ticket, waiting, List.of(), false, List.of(new QueueEvent.Requeued(site, waiting, now)));
    }

    /** A live ticket ends as LEFT on the visitor's word. */
    public TicketChange leave(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status().isLive(), "is not in the queue");
        Ticket left = ticket.ended(TicketStatus.LEFT, now);
        return new TicketChange(ticket, left, List.of(), true, List.of(new QueueEvent.Left(site, left, now)));
    }

    /**
     * A live ticket ends as REMOVED on staff's word: a junk join (a flood, a wrong number). It owes nothing: no
     * "your turn", no "no-show", no feedback invitation; an SMS still owed for it is dropped unsent, its premise
     * (the ticket's state) being gone. The live slot is freed, so the number may join again like anyone's.
     */
    public TicketChange remove(Site site, Ticket ticket, Instant now) {
        require(ticket, ticket.status().isLive(), "is not in the queue any more");
        Ticket removed = ticket.ended(TicketStatus.REMOVED, now);
        return new TicketChange(ticket, removed, List.of(), true, List.of(new QueueEvent.Removed(site, removed, now)));
    }

    /**
     * SMS no longer reach the visitor of a live ticket (they sent STOP, or Twilio refused their number): nothing more
     * is owed to them by SMS, and staff see that they are to be called by code in the lobby.
     */
    public TicketChange unreachableBySms(Ticket ticket) {
        require(ticket, ticket.status().isLive() && ticket.phoneHash().isPresent() && !ticket.unreachableBySms(),
                "is not a live ticket SMS reach");
        return new TicketChange(ticket, ticket.reachableBySms(false), List.of(), false, List.of());
    }

    /** The visitor of a live ticket can be texted again (they texted START after a STOP). */
    public TicketChange reachableBySmsAgain(Ticket ticket) {
        require(ticket, ticket.status().isLive() && ticket.unreachableBySms(), "is not a live ticket SMS cannot reach");
        return new TicketChange(ticket, ticket.reachableBySms(true), List.of(), false, List.of());
    }

    /**
     * Erasure of the visitor: a live ticket ends as LEFT, and every ticket loses the phone's hash and copy. The
     * visitor's slots and references are deleted with the rest of their data, not by this change.
     */
    public TicketChange erase(Site site, Ticket ticket, Instant now) {
        Ticket erased = (ticket.status().isLive() ? ticket.ended(TicketStatus.LEFT, now) : ticket).withoutPhone();
        return new TicketChange(ticket, erased, List.of(), false, List.of(new QueueEvent.Erased(site, erased, now)));
    }

    /** A waiting visitor near the front is told to come back, once. */
    public TicketChange comeBack(Site site, Ticket ticket, int ahead, Instant now) {
        require(ticket, ticket.status() == TicketStatus.WAITING && !ticket.comeBackSent(),
                "is not waiting to be told to come back");
        return new TicketChange(ticket, ticket.toldToComeBack(), owed(sms.comeBack(site, ticket, ahead, now)), false,
                List.of());
    }

    /** A visitor who joined near the front was told so in the join reply: no "come back" SMS later. */
    /**
     * A new ticket as it is first written: one that joins with fewer than the site's threshold ahead is told so in
     * the join reply, so it is marked as told and no "come back" SMS follows.
     */
    public Ticket joining(Site site, Ticket ticket, int ahead) {
        return ahead < site.comeBackWhenAhead() ? ticket.toldToComeBack() : ticket;
    }

    /** {@link #joining}, for a visitor whom SMS may not reach (they opted out at the carrier): then none is owed. */
    public Ticket joining(Site site, Ticket ticket, int ahead, boolean reachableBySms) {
        return joining(site, ticket, ahead).reachableBySms(reachableBySms);
    }

    public TicketChange toldNearFrontOnJoining(Ticket ticket) {
        require(ticket, ticket.status() == TicketStatus.WAITING && !ticket.comeBackSent(), "needs no come-back notice");
        return new TicketChange(ticket, ticket.toldToComeBack(), List.of(), false, List.of());
    }

    /** The visitor chose another language; later SMS and interpreter needs follow it. */
    public TicketChange changeLanguage(Site site, Ticket ticket, String language, Instant now) {
        require(ticket, ticket.status().isLive(), "is not in the queue");
        Ticket changed = ticket.inLanguage(language, !site.staffSpeak(language));
        return new TicketChange(ticket, changed, List.of(), false,
                List.of(new QueueEvent.LanguageChanged(site, changed, now)));
    }

    private static List<OutboundSms> owed(Optional<OutboundSms> message) {
        return message.map(List::of).orElse(List.of());
    }

    private static void require(Ticket ticket, boolean allowed, String otherwise) {
        if (!allowed) {
            throw new QueueConflictException("Ticket " + ticket.code() + " " + otherwise);
        }
    }
}
