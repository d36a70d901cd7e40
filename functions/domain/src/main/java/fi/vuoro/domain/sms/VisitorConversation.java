package fi.vuoro.domain.sms;

import fi.vuoro.domain.command.Command;
import fi.vuoro.domain.command.CommandParser;
import fi.vuoro.domain.command.ParsedCommand;
import fi.vuoro.domain.estimate.ServiceHistorySource;
import fi.vuoro.domain.estimate.WaitEstimator;
import fi.vuoro.domain.estimate.WaitRange;
import fi.vuoro.domain.language.CarrierOptOutWords;
import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.language.TextNormalizer;
import fi.vuoro.domain.queue.DayFullException;
import fi.vuoro.domain.queue.JoinWrites;
import fi.vuoro.domain.queue.LiveTicketExistsException;
import fi.vuoro.domain.queue.NumberDraw;
import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueEvents;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketChanges;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.queue.TicketPosition;
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
import java.util.Comparator;
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
    /** Twilio's opt-in word that is also an interpreter's answer: an opt-in only from a number that opted out. */
    private static final String OPT_IN_ONLY_WHEN_OPTED_OUT = "yes";

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
    public Reply respond(SmsTurn visit) {
        Optional<VisitorProfile> profile = visit.known().profile();
        Optional<Language> stored = profile.flatMap(p -> catalogue.language(p.language()));
        if (optsIn(visit)) {
            return optIn(visit, stored);
        }
        ParsedCommand parsed = parser.parse(visit.body(), stored);
        Optional<Language> language = parsed.keywordLanguage().or(() -> stored);
        Command command = parsed.command();
        LOG.info("Visitor command {} at site {}", command.getClass().getSimpleName(), visit.site().id());

        if (command instanceof Command.Join join) {
            Language chosen = join.language().or(() -> language).orElse(catalogue.fallbackLanguage());
            return join(visit, chosen, join.topic().flatMap(visit.site()::topicNamedIn));
        }
        if (stored.isPresent() && TopicMenu.awaited(profile, visit)) {
            Optional<Reply> answered = answerTopicMenu(visit, command, stored.get());
            if (answered.isPresent()) {
                return answered.get();
            }
        }
        if (command instanceof Command.MenuChoice choice) {
            return catalogue.menuChoice(choice.number())
                    .map(chosen -> join(visit, chosen, Optional.empty()))
                    .orElseGet(() -> Reply.notUnderstood(texts.languageMenu()));
        }
        if (language.isEmpty()) {
            return Reply.notUnderstood(texts.languageMenu());
        }
        Language lang = language.get();
        if (command instanceof Command.Status) {
            return Reply.readOnly(livePosition(visit)
                    .map(position -> status(visit, position, lang))
                    .orElseGet(() -> texts.plain(lang, MessageKey.NOT_IN_QUEUE)));
        }
        if (command instanceof Command.Leave) {
            return Reply.toRemember(leave(visit, lang));
        }
        if (command instanceof Command.Help) {
            return Reply.readOnly(texts.help(lang, visit.site()));
        }
        if (command instanceof Command.ChangeLanguage change) {
            return change.language().map(newLanguage -> Reply.toRemember(changeLanguage(visit, newLanguage,
                            profile.flatMap(VisitorProfile::topicMenu))))
                    .orElseGet(() -> Reply.readOnly(texts.languageMenu()));
        }
        if (command instanceof Command.Erase) {
            erase(visit);
            if (CarrierOptOutWords.optsOut(visit.body()) || visit.known().optedOut()) {
                // Twilio blocks every SMS to the number until it texts START: a later join must know, erased or not.
                visitors.optOut(visit.phoneHash(), visit.now(), visit.now().plus(VisitorStore.OPT_OUT_MEMORY));
            }
            return Reply.afterErasure(texts.plain(lang, MessageKey.ERASED));
        }
        return Reply.notUnderstood(texts.plain(lang, MessageKey.UNKNOWN));
    }

    /**
     * START and UNSTOP lift Twilio's block of the number whoever sends them; YES does only from a number that opted
     * out (from anyone else it is an interpreter's word, or unknown).
     */
    private static boolean optsIn(SmsTurn visit) {
        return CarrierOptOutWords.optsIn(visit.body()) && (visit.known().optedOut()
                || TextNormalizer.words(visit.body()).stream().noneMatch(OPT_IN_ONLY_WHEN_OPTED_OUT::equals));
    }

    /**
     * The number texted START (Twilio has lifted its block and answered it): SMS reach the visitor again, their live
     * ticket too. The reply is the help in their language, or the language menu a new sender gets.
     */
    private Reply optIn(SmsTurn visit, Optional<Language> stored) {
        String reply = stored.map(language -> texts.help(language, visit.site())).orElseGet(texts::languageMenu);
        if (!visit.known().optedOut()) {
            return Reply.readOnly(reply);
        }
        visitors.optIn(visit.phoneHash());
        liveTicket(visit).filter(Ticket::unreachableBySms).ifPresent(ticket -> {
            try {
                changes.apply(ticket, visit.now(), lifecycle::reachableBySmsAgain);
            } catch (QueueConflictException endedMeanwhile) {
                // The ticket ended in between: nothing is owed to it any more.
            }
        });
        LOG.info("Visitor opted in to SMS again at site {}", visit.site().id());
        return Reply.toRemember(reply);
    }

    /**
     * The reply to a message while the topic menu awaits an answer: a number from the menu or a topic's word joins
     * with that topic; any other number, and text that is no command, gets the menu again. A command (STATUS, LANG,
     * STOP ...) is answered as always: empty.
     */
    private Optional<Reply> answerTopicMenu(SmsTurn visit, Command command, Language language) {
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
    private Reply topicMenu(SmsTurn visit, Language language) {
        remember(visit, language, Optional.of(
                new VisitorProfile.TopicMenuSent(visit.site().id(), ServiceDay.of(visit.now()).date())));
        LOG.info("Topic menu sent at site {}", visit.site().id());
        return Reply.toRemember(texts.topicMenu(language, visit.site()));
    }

    /**
     * Joins with the named topic; a site with one topic joins with it, a site with several asks which (the topic
     * menu) when none is named, a site with none joins without.
     */
    private Reply join(SmsTurn visit, Language language, Optional<Topic> named) {
        Site site = visit.site();
        Optional<TicketPosition> live = livePosition(visit);
        if (live.isPresent()) {
            return Reply.readOnly(status(visit, live.get(), language));
        }
        ZonedDateTime localNow = visit.now().atZone(Site.ZONE);
        OpeningCalendar calendar = site.calendar();
        if (!calendar.isOpen(localNow)) {
            Optional<String> note = calendar.exceptionOn(localNow.toLocalDate())
                    .flatMap(exception -> exception.noteIn(language.code()));
            return Reply.readOnly(calendar.nextOpening(localNow)
                    .map(opens -> texts.closed(language, site, opens, note))
                    .orElseGet(() -> texts.closedWithoutHours(language, site, note)));
        }
        Optional<Topic> topic = named.or(() -> site.topics().size() == 1
                ? Optional.of(site.topics().get(0)) : Optional.empty());
        if (topic.isEmpty() && site.topics().size() > 1) {
            return topicMenu(visit, language);
        }
        ServiceDay day = ServiceDay.of(visit.now());
        Instant expiresAt = day.expiresAt(site.retention());
        NumberDraw draw;
        try {
            draw = queue.drawNumber(site.id(), day, expiresAt);
        } catch (DayFullException full) {
            return Reply.readOnly(texts.dayFull(language, site));
        }
        int number = draw.number();
        int ahead = draw.waitingAhead();
        char letter = topic.map(Topic::letter).orElse(site.ticketLetter());
        // A number that opted out at the carrier still joins (Twilio passes its texts on), but is owed no SMS: staff
        // see that it cannot be texted and call it by code in the lobby.
        Ticket ticket = lifecycle.joining(site, Ticket.joinedBySms(site.id(), day, number, TicketCode.of(letter, number),
                language.code(), topic.map(Topic::word), !site.staffSpeak(language.code()), visit.phoneHash(),
                phones.encrypt(visit.phoneNumber()), visit.now(), expiresAt), ahead, !visit.known().optedOut());
        String reply = texts.joined(language, site, ticket, ahead, estimate(site, ahead));
        // The ticket, the visitor's language (nothing asked any more: a ticket answers the topic menu) and this
        // reply, all or nothing: a redelivered message finds the reply and joins no second time.
        JoinWrites with = new JoinWrites(new VisitorProfile(visit.phoneHash(), language.code()), expiresAt,
                visit.messageId(), reply, visit.replyExpiresAt());
        try {
            queue.createTicket(ticket, Optional.of(with));
        } catch (LiveTicketExistsException raced) {
            // The same visitor joined twice at the same moment: both get the ticket that won (a redelivery of the
            // same message, the reply stored with it).
            return queue.findWithPosition(raced.existing(), visit.now())
                    .map(existing -> Reply.toRemember(status(visit, existing, language)))
                    .orElseGet(() -> Reply.readOnly(texts.plain(language, MessageKey.TRY_AGAIN)));
        }
        LOG.info("Ticket {} issued at site {} with {} waiting ahead", ticket.code(), site.id(), ahead);
        events.publish(List.of(new QueueEvent.Joined(site, ticket, ahead, visit.now())));
        return Reply.remembered(reply);
    }

    /** The visitor's live ticket at the site, with its position, as the turn's records point at it. */
    private Optional<TicketPosition> livePosition(SmsTurn visit) {
        return visit.known().liveTicket().flatMap(ref -> queue.findWithPosition(ref, visit.now()))
                .filter(position -> position.ticket().status().isLive());
    }

    /** The visitor's live ticket at the site, as the turn's records point at it. */
    private Optional<Ticket> liveTicket(SmsTurn visit) {
        return visit.known().liveTicket().flatMap(ref -> queue.find(ref, visit.now()))
                .filter(ticket -> ticket.status().isLive());
    }

    private String status(SmsTurn visit, TicketPosition position, Language language) {
        Ticket ticket = position.ticket();
        if (ticket.status() == TicketStatus.CALLED) {
            return texts.called(language, ticket);
        }
        if (ticket.status() != TicketStatus.WAITING) {
            return texts.plain(language, MessageKey.NOT_IN_QUEUE);
        }
        int ahead = position.waitingAhead();
        return texts.waiting(language, ticket, ahead, estimate(visit.site(), ahead));
    }

    private String leave(SmsTurn visit, Language language) {
        Optional<Ticket> live = liveTicket(visit);
        if (live.isEmpty()) {
            return alreadyLeft(visit, language);
        }
        try {
            Ticket left = changes.apply(live.get(), visit.now(), t -> lifecycle.leave(visit.site(), t, visit.now()));
            LOG.info("Ticket {} left the queue at site {}", left.code(), visit.site().id());
            return texts.left(language, left);
        } catch (QueueConflictException endedMeanwhile) {
            return alreadyLeft(visit, language);
        }
    }

    /**
     * A LEAVE from a visitor with no live ticket: if their last ticket of the day at this site ended because they
     * left, they hear so again, with its number (the answer a redelivery of the LEAVE that ended it must get, when
     * the function died after the leave was written and before its reply was remembered); otherwise that they are
     * not in the queue.
     */
    private String alreadyLeft(SmsTurn visit, Language language) {
        ServiceDay today = ServiceDay.of(visit.now());
        return queue.ticketsOf(visit.phoneHash()).stream()
                .filter(ref -> ref.siteId().equals(visit.site().id()) && ref.day().equals(today))
                .max(Comparator.comparingInt(TicketRef::number))
                .flatMap(ref -> queue.find(ref, visit.now()))
                .filter(ticket -> ticket.status() == TicketStatus.LEFT)
                .map(ticket -> texts.left(language, ticket))
                .orElseGet(() -> texts.plain(language, MessageKey.NOT_IN_QUEUE));
    }

    /** The new language is remembered with the topic menu the visitor may still be to answer. */
    private String changeLanguage(SmsTurn visit, Language language,
                                  Optional<VisitorProfile.TopicMenuSent> topicMenu) {
        remember(visit, language, topicMenu);
        liveTicket(visit).ifPresent(ticket -> {
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
