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
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketChanges;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.OpeningCalendar;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.site.Topic;
import fi.vuoro.domain.visitor.PhoneProtector;
import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.domain.visitor.VisitorStore;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor's SMS conversation with a site: join the queue, ask status, leave, get help, change language, erase
 * their data. Every message gets one reply, in the visitor's language. Queue changes go through the ticket
 * lifecycle; what follows them (come-back notices, interpreters) listens to their events.
 */
public final class VisitorConversation implements Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(VisitorConversation.class);

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final VisitorStore visitors;
    private final PhoneProtector phones;
    private final ServiceHistorySource history;
    private final TicketLifecycle lifecycle;
    private final TicketChanges changes;
    private final QueueEvents events;
    private final MessageCatalogue catalogue;
    private final CommandParser parser;
    private final SmsTexts texts;

    public VisitorConversation(SiteDirectory sites, QueueStore queue, VisitorStore visitors, PhoneProtector phones,
                               ServiceHistorySource history, TicketLifecycle lifecycle, QueueEvents events,
                               MessageCatalogue catalogue) {
        this.sites = sites;
        this.queue = queue;
        this.visitors = visitors;
        this.phones = phones;
        this.history = history;
        this.lifecycle = lifecycle;
        this.changes = new TicketChanges(queue, events);
        this.events = events;
        this.catalogue = catalogue;
        this.parser = new CommandParser(catalogue);
        this.texts = new SmsTexts(catalogue);
    }

    @Override
    public String respond(SmsTurn visit) {
        Optional<VisitorProfile> profile = visitors.find(visit.phoneHash(), visit.now());
        Optional<Language> stored = profile.flatMap(p -> catalogue.language(p.language()));
        ParsedCommand parsed = parser.parse(visit.body(), stored);
        Optional<Language> language = parsed.keywordLanguage().or(() -> stored);
        Command command = parsed.command();
        LOG.info("Visitor command {} at site {}", command.getClass().getSimpleName(), visit.site().id());

        if (command instanceof Command.Join join) {
            Language chosen = join.language().or(() -> language).orElse(catalogue.fallbackLanguage());
            return join(visit, chosen, join.topic().flatMap(visit.site()::topicNamedIn));
        }
        if (stored.isPresent() && TopicMenu.awaited(profile, visit)) {
            Optional<String> answered = answerTopicMenu(visit, command, stored.get());
            if (answered.isPresent()) {
                return answered.get();
            }
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
            return queue.findLiveTicket(visit.phoneHash(), visit.site().id(), visit.now())
                    .map(ticket -> status(visit, ticket, lang))
                    .orElseGet(() -> texts.plain(lang, MessageKey.NOT_IN_QUEUE));
        }
        if (command instanceof Command.Leave) {
            return leave(visit, lang);
        }
        if (command instanceof Command.Help) {
            return texts.help(lang, visit.site());
        }
        if (command instanceof Command.ChangeLanguage change) {
            return change.language().map(newLanguage -> changeLanguage(visit, newLanguage,
                            profile.flatMap(VisitorProfile::topicMenu)))
                    .orElseGet(texts::languageMenu);
        }
        if (command instanceof Command.Erase) {
            erase(visit);
            return texts.plain(lang, MessageKey.ERASED);
        }
        return texts.plain(lang, MessageKey.UNKNOWN);
    }

    /**
     * The reply to a message while the topic menu awaits an answer: a number from the menu or a topic's word joins
     * with that topic; any other number, and text that is no command, gets the menu again. A command (STATUS, LANG,
     * STOP ...) is answered as always: empty.
     */
    private Optional<String> answerTopicMenu(SmsTurn visit, Command command, Language language) {
        List<Topic> topics = visit.site().topics();
        if (command instanceof Command.MenuChoice choice) {
            return Optional.of(choice.number() <= topics.size()
                    ? join(visit, language, Optional.of(topics.get(choice.number() - 1)))
                    : topicMenu(visit, language));
        }
        if (command instanceof Command.Unknown) {
            Optional<Topic> named = visit.site().topicNamedIn(visit.body());
            return Optional.of(named.isPresent() ? join(visit, language, named) : topicMenu(visit, language));
        }
        return Optional.empty();
    }

    /** Sends the site's topic menu and remembers, for the service day, that it awaits an answer. */
    private String topicMenu(SmsTurn visit, Language language) {
        remember(visit, language, Optional.of(
                new VisitorProfile.TopicMenuSent(visit.site().id(), ServiceDay.of(visit.now()).date())));
        LOG.info("Topic menu sent at site {}", visit.site().id());
        return texts.topicMenu(language, visit.site());
    }

    /**
     * Joins with the named topic; a site with one topic joins with it, a site with several asks which (the topic
     * menu) when none is named, a site with none joins without.
     */
    private String join(SmsTurn visit, Language language, Optional<Topic> named) {
        Site site = visit.site();
        Optional<Ticket> live = queue.findLiveTicket(visit.phoneHash(), site.id(), visit.now());
        if (live.isPresent()) {
            return status(visit, live.get(), language);
        }
        ZonedDateTime localNow = visit.now().atZone(Site.ZONE);
        OpeningCalendar calendar = site.calendar();
        if (!calendar.isOpen(localNow)) {
            Optional<String> note = calendar.exceptionOn(localNow.toLocalDate())
                    .flatMap(exception -> exception.noteIn(language.code()));
            return calendar.nextOpening(localNow)
                    .map(opens -> texts.closed(language, site, opens, note))
                    .orElseGet(() -> texts.closedWithoutHours(language, site, note));
        }
        Optional<Topic> topic = named.or(() -> site.topics().size() == 1
                ? Optional.of(site.topics().get(0)) : Optional.empty());
        if (topic.isEmpty() && site.topics().size() > 1) {
            return topicMenu(visit, language);
        }
        ServiceDay day = ServiceDay.of(visit.now());
        Instant expiresAt = day.expiresAt(site.retention());
        int number = queue.nextTicketNumber(site.id(), day, expiresAt);
        char letter = topic.map(Topic::letter).orElse(site.ticketLetter());
        Ticket ticket = Ticket.joinedBySms(site.id(), day, number, TicketCode.of(letter, number),
                language.code(), topic.map(Topic::word), !site.staffSpeak(language.code()), visit.phoneHash(),
                phones.encrypt(visit.phoneNumber()), visit.now(), expiresAt);
        try {
            queue.createTicket(ticket);
        } catch (LiveTicketExistsException raced) {
            // The same visitor joined twice at the same moment: both get the ticket that won.
            return queue.find(raced.existing(), visit.now())
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
        int ahead = queue.countWaitingAhead(ticket.ref(), visit.now());
        LOG.info("Ticket {} issued at site {} with {} waiting ahead", ticket.code(), site.id(), ahead);
        events.publish(List.of(new QueueEvent.Joined(site, ticket, ahead, visit.now())));
        return texts.joined(language, site, ticket, ahead, estimate(site, ahead));
    }

    private String status(SmsTurn visit, Ticket ticket, Language language) {
        if (ticket.status() == TicketStatus.CALLED) {
            return texts.called(language, ticket);
        }
        if (ticket.status() != TicketStatus.WAITING) {
            return texts.plain(language, MessageKey.NOT_IN_QUEUE);
        }
        int ahead = queue.countWaitingAhead(ticket.ref(), visit.now());
        return texts.waiting(language, ticket, ahead, estimate(visit.site(), ahead));
    }

    private String leave(SmsTurn visit, Language language) {
        Optional<Ticket> live = queue.findLiveTicket(visit.phoneHash(), visit.site().id(), visit.now());
        if (live.isEmpty()) {
            return texts.plain(language, MessageKey.NOT_IN_QUEUE);
        }
        try {
            Ticket left = changes.apply(live.get(), visit.now(), t -> lifecycle.leave(visit.site(), t, visit.now()));
            LOG.info("Ticket {} left the queue at site {}", left.code(), visit.site().id());
            return texts.left(language, left);
        } catch (QueueConflictException endedMeanwhile) {
            return texts.plain(language, MessageKey.NOT_IN_QUEUE);
        }
    }

    /** The new language is remembered with the topic menu the visitor may still be to answer. */
    private String changeLanguage(SmsTurn visit, Language language,
                                  Optional<VisitorProfile.TopicMenuSent> topicMenu) {
        remember(visit, language, topicMenu);
        queue.findLiveTicket(visit.phoneHash(), visit.site().id(), visit.now()).ifPresent(ticket -> {
            try {
                changes.apply(ticket, visit.now(),
                        t -> lifecycle.changeLanguage(visit.site(), t, language.code(), visit.now()));
            } catch (QueueConflictException endedMeanwhile) {
                // The ticket ended in between: the visitor's stored language still changed.
            }
        });
        return texts.plain(language, MessageKey.LANGUAGE_CHANGED);
    }

    /**
     * Deletes everything about the visitor: every ticket they took loses their number (live ones end), the SMS
     * still owed to them go, and last their own items (profile, live slots, references), so that a retry after a
     * failure finds the tickets again.
     */
    private void erase(SmsTurn visit) {
        Instant now = visit.now();
        for (TicketRef ref : queue.ticketsOf(visit.phoneHash())) {
            Optional<Ticket> ticket = queue.find(ref, now);
            Optional<Site> site = ref.siteId().equals(visit.site().id()) ? Optional.of(visit.site())
                    : sites.findById(ref.siteId());
            if (ticket.isPresent() && site.isPresent()) {
                changes.apply(ticket.get(), now, t -> lifecycle.erase(site.get(), t, now));
            }
            queue.dropOwedSms(ref);
        }
        queue.forgetVisitor(visit.phoneHash());
        LOG.info("Visitor data erased on request at site {}", visit.site().id());
    }

    /** Remembers the language, and that nothing is asked any more: a ticket answers the topic menu. */
    private void rememberLanguage(SmsTurn visit, Language language) {
        remember(visit, language, Optional.empty());
    }

    /** The profile lives as long as the visitor's service day and its retention, like their ticket. */
    private void remember(SmsTurn visit, Language language, Optional<VisitorProfile.TopicMenuSent> topicMenu) {
        visitors.save(new VisitorProfile(visit.phoneHash(), language.code(), topicMenu),
                ServiceDay.of(visit.now()).expiresAt(visit.site().retention()));
    }

    /**
     * The position and the estimate count everyone waiting ahead, whatever their topic: any desk takes any topic, so
     * each of them is served before this visitor (unless staff call by topic). The pace is the site's recent service
     * times, not per topic, or its default service time.
     */
    private WaitRange estimate(Site site, int ahead) {
        return WaitEstimator.estimate(ahead, history.recent(site.id()), site.defaultServiceTime(), site.desks());
    }
}
