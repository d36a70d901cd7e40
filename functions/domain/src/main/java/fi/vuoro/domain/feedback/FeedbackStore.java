package fi.vuoro.domain.feedback;

import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.queue.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where feedback invitations and answers live. */
public interface FeedbackStore {

    /**
     * Writes an invitation atomically: the invitation under its token's hash, the digit reply window under the
     * visitor's number hash (replacing an older one) and the SMS that carries the link (both absent for a walk-in
     * handed a printed link), and one more "invited" in the site's tally of the week for these traits.
     */
    void invite(FeedbackInvitation invitation, Optional<DigitReply> digitReply, Optional<OutboundSms> sms);

    /**
     * Writes a walk-in's printed invitation once per ticket, atomically: the invitation, a mark that the ticket had
     * its card (kept as long as the ticket), and one more "invited" in the week's tally.
     *
     * @return false if the ticket had its card already; nothing was written
     */
    boolean inviteWalkIn(FeedbackInvitation invitation, TicketRef ticket, Instant ticketExpiresAt);

    /** The site's offers to help as a community advisor that are still kept, for its coordinators. */
    List<VolunteerOffer> volunteersOf(String siteId, Instant now);

    /** The open invitation of this token hash; empty once it was answered or has expired. */
    Optional<FeedbackInvitation> find(String tokenHash, Instant now);

    /** The visitor's digit reply window, if one is open. */
    Optional<DigitReply> digitReplyOf(String phoneHash, Instant now);

    /**
     * Stores an answer once, atomically: deletes the invitation (only while it exists), stores the answer without
     * anything that links it to the invitation, adds it to the site's tally of the week, and stores the volunteer
     * offer, if any, as a record of its own.
     *
     * @return false if the invitation was answered already (or expired meanwhile); nothing was written
     */
    boolean answer(FeedbackInvitation invitation, AnonymousAnswer answer, Optional<VolunteerOffer> volunteer);
}
