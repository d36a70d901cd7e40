package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.outbox.Premise;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.staff.QueueSms;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS interpreter matching owes, each in its reader's language: offers, confirmations, "taken", "no longer
 * needed" and "desk N" to interpreters; "no interpreter found" to the visitor. Ids name the interpreter and the
 * ticket ({@code i.<interpreter>.<ticket>.<change>}), so one change owes each message once, a visitor's erasure
 * (which drops their ticket's messages) leaves the interpreter's alone, and an interpreter's removal finds theirs.
 */
public final class InterpreterSms {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageCatalogue catalogue;

    public InterpreterSms(MessageCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Every SMS owed to the interpreter has an id starting with this. */
    public static String idPrefix(String interpreterId) {
        return "i." + interpreterId + ".";
    }

    OutboundSms offer(Site site, InterpreterRequest request, Interpreter to, Offer offer, Instant now,
                      Instant answerBy) {
        Language in = languageOf(to);
        String text = catalogue.render(in, MessageKey.INTERPRETER_OFFER, Map.of(
                "language", catalogue.languageName(in, request.language()),
                "site", site.name(),
                "time", time(request.expectedAt()),
                "offer", Integer.toString(offer.code())));
        Premise stillOpen = new Premise.OfferOpen(site.id(), request.ticket().day().date(), request.ticket().number(),
                to.id(), offer.wave());
        return message(to, request.ticket(), "offer-" + offer.wave(), site, text, now, answerBy, Optional.of(stillOpen));
    }

    OutboundSms taken(Site site, InterpreterRequest request, Interpreter to, Instant now) {
        Language in = languageOf(to);
        String text = catalogue.render(in, MessageKey.INTERPRETER_TAKEN, Map.of(
                "language", catalogue.languageName(in, request.language()), "site", site.name()));
        return message(to, request.ticket(), "taken", site, text, now, now.plus(Duration.ofHours(2)), Optional.empty());
    }

    OutboundSms notNeeded(Site site, InterpreterRequest request, Interpreter to, Instant now) {
        Language in = languageOf(to);
        String text = catalogue.render(in, MessageKey.INTERPRETER_NOT_NEEDED, Map.of(
                "language", catalogue.languageName(in, request.language()), "site", site.name(),
                "code", request.ticketCode()));
        return message(to, request.ticket(), "not-needed", site, text, now, endOfDay(request), Optional.empty());
    }

    /** "Ticket A7 is called now: come to desk 3", sent only while that very call stands. */
    OutboundSms desk(Site site, Ticket ticket, Interpreter to, String desk, Instant calledAt) {
        String text = catalogue.render(languageOf(to), MessageKey.INTERPRETER_DESK, Map.of(
                "site", site.name(), "code", ticket.code(), "desk", desk));
        Premise stillCalled = new Premise.TicketState(ticket.siteId(), ticket.day().date(), ticket.number(),
                TicketStatus.CALLED.name(), Optional.of(calledAt));
        return message(to, ticket.ref(), "desk-" + calledAt.toEpochMilli(), site, text, calledAt,
                calledAt.plus(site.noShowGrace()), Optional.of(stillCalled));
    }

    /** The visitor is told honestly that nobody is coming, while they still wait. */
    Optional<OutboundSms> noneFound(Site site, Ticket ticket, InterpreterRequest request, Instant now) {
        if (!ticket.canBeTexted()) {
            return Optional.empty();
        }
        Language in = catalogue.language(ticket.language()).orElse(catalogue.fallbackLanguage());
        String text = catalogue.render(in, MessageKey.NO_INTERPRETER, Map.of(
                "language", catalogue.languageName(in, request.language()), "code", ticket.code()));
        Premise stillWaiting = new Premise.TicketState(ticket.siteId(), ticket.day().date(), ticket.number(),
                TicketStatus.WAITING.name(), Optional.empty());
        return Optional.of(new OutboundSms(QueueSms.idPrefix(ticket.ref()) + "no-interpreter-" + request.version(),
                ticket.siteId(), ticket.phoneCipher().orElseThrow(), site.smsNumber(), text, now,
                now.plus(Duration.ofHours(2)), Optional.of(stillWaiting), ticket.expiresAt()));
    }

    private OutboundSms message(Interpreter to, TicketRef ticket, String change, Site site, String text, Instant now,
                                Instant validUntil, Optional<Premise> premise) {
        String id = idPrefix(to.id()) + ticket.siteId() + "." + ticket.day().date() + "." + ticket.number() + "."
                + change;
        return new OutboundSms(id, site.id(), to.phoneCipher(), site.smsNumber(), text, now, validUntil, premise);
    }

    private Language languageOf(Interpreter interpreter) {
        return catalogue.language(interpreter.language()).orElse(catalogue.fallbackLanguage());
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(Site.ZONE));
    }

    private static Instant endOfDay(InterpreterRequest request) {
        return request.ticket().day().expiresAt(Duration.ZERO);
    }
}
