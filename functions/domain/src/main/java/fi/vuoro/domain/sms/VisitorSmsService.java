package fi.vuoro.domain.sms;

import fi.vuoro.domain.command.Command;
import fi.vuoro.domain.command.CommandParser;
import fi.vuoro.domain.command.ParsedCommand;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.estimate.WaitEstimator;
import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.queue.LiveTicketExistsException;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.ComeBackNotifier;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.domain.visitor.VisitorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor's SMS conversation with a site: join the queue, ask status, leave, get help, change
 * language, erase their data. Every inbound message gets exactly one reply, in the visitor's
 * language, and a redelivered message gets the same reply without changing anything.
 */
public final class VisitorSmsService {

    private static final Logger LOG = LoggerFactory.getLogger(VisitorSmsService.class);
    /** Twilio redelivers within minutes; two days covers any retry with room to spare. */
    private static final Duration REPLY_MEMORY = Duration.ofDays(2);

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final VisitorStore visitors;
    private final ReplyLog replies;
    private final PhoneProtector phones;
    private final ServiceHistorySource history;
    private final ComeBackNotifier comeBack;
    private final MessageCatalogue catalogue;
    private final CommandParser parser;
    private final SmsTexts texts;
    private final Clock clock;
    private final Duration retention;

    public VisitorSmsService(SiteDirectory sites, QueueStore queue, VisitorStore visitors, ReplyLog replies,
                             PhoneProtector phones, ServiceHistorySource history, ComeBackNotifier comeBack,
                             MessageCatalogue catalogue, Clock clock, Duration retention) {
        this.sites = sites;
        this.queue = queue;
        this.visitors = visitors;
        this.replies = replies;
        this.phones = phones;
        this.history = history;
        this.comeBack = comeBack;
        this.catalogue = catalogue;
        this.parser = new CommandParser(catalogue);
        this.texts = new SmsTexts(catalogue);
        this.clock = clock;
        this.retention = retention;
    }

    /** Handles one inbound message and returns the reply text to send back. */
    public String handle(InboundSms sms) {
        Instant now = clock.instant();
        String reply;
        try {
            Optional<String> earlier = replies.find(sms.messageId(), now);
            if (earlier.isPresent()) {
                LOG.info("Redelivered message answered with its earlier reply");
                return earlier.get();
            }
            reply = respond(sms, now);
        } catch (RuntimeException failure) {
            // The visitor still hears back. Nothing is remembered for this message, so a redelivery is
            // handled afresh; every write before the failure was conditional, so a retry cannot double it.
            LOG.error("Could not handle a visitor's message: {}", failure.getClass().getName());
            return texts.plain(catalogue.fallbackLanguage(), MessageKey.TRY_AGAIN);
        }
        try {
            return replies.saveIfAbsent(sms.messageId(), reply, now.plus(REPLY_MEMORY));
        } catch (RuntimeException failure) {
            // What the message asked for is done; a redelivery is handled afresh and, the queue's writes being
            // conditional, comes to the same answer.
            LOG.error("Could not remember the reply to a visitor's message: {}", failure.getClass().getName());
            return reply;
        }
    }

    private String respond(InboundSms sms, Instant now) {
        Optional<Site> found = sites.findByNumber(sms.to());
        if (found.isEmpty()) {
            LOG.warn("Message to a number that belongs to no site");
            return texts.plain(catalogue.fallbackLanguage(), MessageKey.NUMBER_NOT_IN_USE);
        }
        Visit visit = new Visit(found.get(), sms.from(), phones.hash(sms.from()), now);
        Optional<Language> stored = visitors.find(visit.phoneHash, now)
                .flatMap(profile -> catalogue.language(profile.language()));
        ParsedCommand parsed = parser.parse(sms.body(), stored);
        Optional<Language> language = parsed.keywordLanguage().or(() -> stored);
        Command command = parsed.command();
        LOG.info("Visitor command {} at site {}", command.getClass().getSimpleName(), visit.site.id());

        if (command instanceof Command.Join join) {
            Language chosen = join.language().or(() -> language).orElse(catalogue.fallbackLanguage());
            return join(visit, chosen, join.topic().flatMap(visit.site::topicNamedIn));
        }
        if (command instanceof Command.MenuChoice choice) {
            return catalogue.menuChoice(choice.number())
                    .map(chosen -> join(visit, chosen, Optional.empty()))
                    .orElseGet(texts::languageMenu);
        }
        if (language.isEmpty()) {
            return texts.languageMenu();
        }
        Language lang = language.get();
        if (command instanceof Command.Status) {
            return queue.findLiveTicket(visit.phoneHash, visit.site.id(), now)
                    .map(ticket -> status(visit, ticket, lang))
                    .orElseGet(() -> texts.plain(lang, MessageKey.NOT_IN_QUEUE));
        }
        if (command instanceof Command.Leave) {
            return leave(visit, lang);
        }
        if (command instanceof Command.Help) {
            return texts.help(lang, visit.site);
        }
        if (command instanceof Command.ChangeLanguage change) {
            return change.language().map(newLanguage -> changeLanguage(visit, newLanguage))
                    .orElseGet(texts::languageMenu);
        }
        if (command instanceof Command.Erase) {
            queue.eraseVisitor(visit.phoneHash, now);
            LOG.info("Visitor data erased on request at site {}", visit.site.id());
            comeBack.queueMoved(visit.site, now);
            return texts.plain(lang, MessageKey.ERASED);
        }
        return texts.plain(lang, MessageKey.UNKNOWN);
    }

    private String join(Visit visit, Language language, Optional<String> topic) {
        Site site = visit.site;
        Optional<Ticket> live = queue.findLiveTicket(visit.phoneHash, site.id(), visit.now);
        if (live.isPresent()) {
            return status(visit, live.get(), language);
        }
        ZonedDateTime localNow = visit.now.atZone(Site.ZONE);
        if (!site.openingHours().isOpen(localNow)) {
            return site.openingHours().nextOpening(localNow)
                    .map(opens -> texts.closed(language, site, opens))
                    .orElseGet(() -> texts.closedWithoutHours(language, site));
        }
        ServiceDay day = ServiceDay.of(visit.now);
        Instant expiresAt = day.expiresAt(retention);
        int number = queue.nextTicketNumber(site.id(), day, expiresAt);
        Ticket ticket = Ticket.joinedBySms(site.id(), day, number, TicketCode.of(site.ticketLetter(), number),
                language.code(), topic, !site.staffSpeak(language.code()), visit.phoneHash,
                phones.encrypt(visit.phoneNumber), visit.now, expiresAt);
        try {
            queue.createTicket(ticket);
        } catch (LiveTicketExistsException raced) {
            // The same visitor joined twice at the same moment: both get the ticket that won.
            return queue.find(raced.existing(), visit.now)
                    .map(existing -> status(visit, existing, language))
                    .orElseGet(() -> texts.plain(language, MessageKey.TRY_AGAIN));
        }
        try {
            rememberLanguage(visit, language);
        } catch (RuntimeException e) {
            // The ticket is issued and carries the language; only later replies without a keyword miss it.
            LOG.warn("Could not remember the language of the visitor of ticket {}: {}", ticket.code(),
                    e.getClass().getSimpleName());
        }
        int ahead = queue.countWaitingAhead(ticket.ref(), visit.now);
        comeBack.joined(site, ticket, ahead);
        LOG.info("Ticket {} issued at site {} with {} waiting ahead", ticket.code(), site.id(), ahead);
        return texts.joined(language, site, ticket, ahead, estimate(site, ahead));
    }

    private String status(Visit visit, Ticket ticket, Language language) {
        if (ticket.status() == TicketStatus.CALLED) {
            return texts.called(language, ticket);
        }
        if (ticket.status() != TicketStatus.WAITING) {
            return texts.plain(language, MessageKey.NOT_IN_QUEUE);
        }
        int ahead = queue.countWaitingAhead(ticket.ref(), visit.now);
        return texts.waiting(language, ticket, ahead, estimate(visit.site, ahead));
    }

    private String leave(Visit visit, Language language) {
        Optional<Ticket> live = queue.findLiveTicket(visit.phoneHash, visit.site.id(), visit.now);
        if (live.isPresent() && queue.leave(live.get(), visit.now)) {
            LOG.info("Ticket {} left the queue at site {}", live.get().code(), visit.site.id());
            comeBack.queueMoved(visit.site, visit.now);
            return texts.left(language, live.get());
        }
        return texts.plain(language, MessageKey.NOT_IN_QUEUE);
    }

    private String changeLanguage(Visit visit, Language language) {
        rememberLanguage(visit, language);
        queue.findLiveTicket(visit.phoneHash, visit.site.id(), visit.now).ifPresent(ticket ->
                queue.changeLanguage(ticket.ref(), language.code(), !visit.site.staffSpeak(language.code())));
        return texts.plain(language, MessageKey.LANGUAGE_CHANGED);
    }

    private void rememberLanguage(Visit visit, Language language) {
        visitors.save(new VisitorProfile(visit.phoneHash, language.code()),
                ServiceDay.of(visit.now).expiresAt(retention));
    }

    private WaitRange estimate(Site site, int ahead) {
        return WaitEstimator.estimate(ahead, history.recent(site.id()), site.defaultServiceTime(), site.desks());
    }

    /** One inbound message's context. */
    private record Visit(Site site, String phoneNumber, String phoneHash, Instant now) {
        @Override
        public String toString() {
            return "Visit[site=" + site.id() + "]";
        }
    }
}
