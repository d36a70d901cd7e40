package fi.vuoro.domain.staff;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS that queue changes owe visitors, in each visitor's language. Each message's id names the
 * ticket and the change, so the same change can never produce two messages. Each says until when it is worth
 * sending and what must still be true then: a "your turn" that waited out a Twilio outage is not sent after the
 * visitor was served, left, or was called again.
 */
public final class QueueSms {

    /** A "come back now" is of use while the queue has not moved far since: about the length of a visit or two. */
    static final Duration COME_BACK_LIFETIME = Duration.ofMinutes(30);

    private final MessageCatalogue catalogue;

    public QueueSms(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** "Your turn, desk N"; {@code calledAt} tells a recall from the first call. */
    public Optional<OutboundSms> yourTurn(Site site, Ticket ticket, String desk, Instant calledAt) {
        // Past the grace time the visitor is a no-show anyway.
        return message(site, ticket, "called-" + calledAt.toEpochMilli(), MessageKey.STATUS_CALLED,
                Map.of("code", ticket.code(), "desk", desk), calledAt, calledAt.plus(site.noShowGrace()),
                TicketStatus.CALLED, Optional.of(calledAt));
    }

    public Optional<OutboundSms> comeBack(Site site, Ticket ticket, int ahead, Instant now) {
        return message(site, ticket, "come-back", MessageKey.COME_BACK,
                Map.of("site", site.name(), "code", ticket.code(), "position", Integer.toString(ahead)), now,
                now.plus(COME_BACK_LIFETIME), TicketStatus.WAITING, Optional.empty());
    }

    /** Named by the moment, so that a visitor put back in the queue and missed again is told again. */
    public Optional<OutboundSms> noShow(Site site, Ticket ticket, Instant now) {
        return message(site, ticket, "no-show-" + now.toEpochMilli(), MessageKey.NO_SHOW, Map.of("code", ticket.code()),
                now, ticket.day().expiresAt(Duration.ZERO), TicketStatus.NO_SHOW, Optional.empty());
    }

    /** Every SMS owed for a ticket has an id starting with this, so they can all be found again. */
    public static String idPrefix(TicketRef ticket) {
        return ticket.siteId() + "." + ticket.day().date() + "." + ticket.number() + ".";
    }

    private Optional<OutboundSms> message(Site site, Ticket ticket, String change, MessageKey key,
                                          Map<String, String> values, Instant now, Instant validUntil,
                                          TicketStatus stillIn, Optional<Instant> calledAt) {
        if (!ticket.canBeTexted()) {
            return Optional.empty();
        }
        Language language = catalogue.language(ticket.language()).orElse(catalogue.fallbackLanguage());
        String id = idPrefix(ticket.ref()) + change;
        Premise premise = new Premise.TicketState(ticket.siteId(), ticket.day().date(), ticket.number(),
                stillIn.name(), calledAt);
        return Optional.of(new OutboundSms(id, ticket.siteId(), ticket.phoneCipher().orElseThrow(), site.smsNumber(),
                catalogue.render(language, key, values), now, validUntil, Optional.of(premise), ticket.expiresAt()));
    }
}
