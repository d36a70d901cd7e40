package fi.vuoro.domain.staff;

import fi.vuoro.domain.estimate.ServiceLog;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.queue.Desk;
import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff at the desks do with a site's live queue. Every change is a conditional write, so two
 * staff acting at the same moment never call the same visitor twice; the SMS a change owes the
 * visitor is written with it.
 */
public final class StaffQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(StaffQueueService.class);

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final ServiceLog serviceLog;
    private final MessageCatalogue catalogue;
    private final QueueSms sms;
    private final StaffInput input;
    private final ComeBackNotifier comeBack;
    private final Clock clock;
    private final Duration retention;

    public StaffQueueService(SiteDirectory sites, QueueStore queue, ServiceLog serviceLog, MessageCatalogue catalogue,
                             ComeBackNotifier comeBack, Clock clock, Duration retention) {
        this.sites = sites;
        this.queue = queue;
        this.serviceLog = serviceLog;
        this.catalogue = catalogue;
        this.sms = new QueueSms(catalogue);
        this.input = new StaffInput(catalogue);
        this.comeBack = comeBack;
        this.clock = clock;
        this.retention = retention;
    }

    /** The site's queue today, as staff see it. */
    public LiveQueue liveQueue(StaffMember staff, String siteId) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        return new LiveQueue(site, queue.day(siteId, ServiceDay.of(now), now), now);
    }

    /** Calls the longest-waiting visitor, optionally only one with the topic or language, to the desk. */
    public Ticket callNext(StaffMember staff, String siteId, String desk, Optional<String> topic,
                           Optional<String> language) {
        Site site = site(staff, siteId);
        String deskLabel = input.desk(desk);
        Optional<String> onlyTopic = input.topic(topic, site);
        Optional<String> onlyLanguage = language.filter(l -> !l.isBlank()).map(input::language);
        Instant now = clock.instant();
        List<Ticket> candidates = queue.day(siteId, ServiceDay.of(now), now).waiting().stream()
                .filter(t -> onlyTopic.isEmpty() || t.topic().map(tp -> tp.equalsIgnoreCase(onlyTopic.get())).orElse(false))
                .filter(t -> onlyLanguage.isEmpty() || t.language().equals(onlyLanguage.get()))
                .toList();
        for (Ticket candidate : candidates) {
            if (queue.call(candidate, deskLabel, now, sms.yourTurn(site, candidate, deskLabel, now))) {
                LOG.info("Ticket {} called to desk {} at site {}", candidate.code(), deskLabel, siteId);
                comeBack.queueMoved(site, now);
                return reread(candidate, now);
            }
            // Another desk called this visitor a moment ago: try the next one.
        }
        throw new QueueConflictException(topic.isPresent() || language.isPresent()
                ? "Nobody with that topic or language is waiting" : "Nobody is waiting");
    }

    /** Calls one particular waiting visitor to the desk. */
    public Ticket call(StaffMember staff, String siteId, int number, String desk) {
        Site site = site(staff, siteId);
        String deskLabel = input.desk(desk);
        Instant now = clock.instant();
        Ticket ticket = ticket(siteId, number, now);
        if (!queue.call(ticket, deskLabel, now, sms.yourTurn(site, ticket, deskLabel, now))) {
            throw new QueueConflictException("Ticket " + ticket.code() + " is not waiting any more");
        }
        LOG.info("Ticket {} called to desk {} at site {}", ticket.code(), deskLabel, siteId);
        comeBack.queueMoved(site, now);
        return reread(ticket, now);
    }

    /** Calls a called visitor again, e.g. when they did not hear it; restarts the grace time. */
    public Ticket recall(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket ticket = ticket(siteId, number, now);
        String desk = ticket.desk().orElseThrow(() -> new QueueConflictException(
                "Ticket " + ticket.code() + " has not been called"));
        if (!queue.recall(ticket, desk, now, sms.yourTurn(site, ticket, desk, now))) {
            throw new QueueConflictException("Ticket " + ticket.code() + " is not called any more");
        }
        return reread(ticket, now);
    }

    public Ticket markServed(StaffMember staff, String siteId, int number) {
        site(staff, siteId);
        Instant now = clock.instant();
        Ticket ticket = ticket(siteId, number, now);
        if (!queue.finish(ticket, TicketStatus.SERVED, now, Optional.empty())) {
            throw new QueueConflictException("Ticket " + ticket.code() + " is not at a desk");
        }
        ticket.calledAt().ifPresent(called -> recordServiceTime(siteId, Duration.between(called, now), now));
        LOG.info("Ticket {} served at site {}", ticket.code(), siteId);
        return reread(ticket, now);
    }

    public Ticket markNoShow(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket ticket = ticket(siteId, number, now);
        if (!noShow(site, ticket, now)) {
            throw new QueueConflictException("Ticket " + ticket.code() + " is not at a desk");
        }
        return reread(ticket, now);
    }

    /** Puts a called or no-show visitor back in the queue, in their original place. */
    public Ticket requeue(StaffMember staff, String siteId, int number) {
        site(staff, siteId);
        Instant now = clock.instant();
        Ticket ticket = ticket(siteId, number, now);
        if (!queue.requeue(ticket, now)) {
            throw new QueueConflictException("Ticket " + ticket.code() + " cannot be put back in the queue");
        }
        return reread(ticket, now);
    }

    /** Adds a visitor at the desk who has no phone (or does not want to text). */
    public Ticket addWalkIn(StaffMember staff, String siteId, String name, String language, Optional<String> topic) {
        Site site = site(staff, siteId);
        // Everything is checked before a ticket number is taken.
        String cleanName = input.walkInName(name);
        String languageCode = input.language(language);
        Optional<String> cleanTopic = input.topic(topic, site);
        Instant now = clock.instant();
        ServiceDay day = ServiceDay.of(now);
        Instant expiresAt = day.expiresAt(retention);
        int number = queue.nextTicketNumber(siteId, day, expiresAt);
        Ticket ticket = Ticket.walkIn(siteId, day, number, TicketCode.of(site.ticketLetter(), number), cleanName,
                languageCode, cleanTopic, !site.staffSpeak(languageCode), now, expiresAt);
        queue.createWalkIn(ticket);
        LOG.info("Walk-in ticket {} added at site {}", ticket.code(), siteId);
        return ticket;
    }

    public Desk setDesk(StaffMember staff, String siteId, String desk, boolean open) {
        site(staff, siteId);
        Instant now = clock.instant();
        ServiceDay day = ServiceDay.of(now);
        Desk changed = new Desk(input.desk(desk), open, staff.username(), now);
        queue.setDesk(siteId, day, changed, day.expiresAt(retention));
        return changed;
    }

    /** Marks a called visitor who did not arrive as no-show and tells them how to come back. */
    boolean noShow(Site site, Ticket ticket, Instant now) {
        boolean marked = queue.finish(ticket, TicketStatus.NO_SHOW, now, sms.noShow(site, ticket, now));
        if (marked) {
            LOG.info("Ticket {} marked no-show at site {}", ticket.code(), site.id());
        }
        return marked;
    }

    /** The visit is served whatever happens here: a lost service time only makes the next estimates rougher. */
    private void recordServiceTime(String siteId, Duration took, Instant now) {
        try {
            serviceLog.record(siteId, took, now);
        } catch (RuntimeException e) {
            LOG.warn("A service time of site {} was not recorded: {}", siteId, e.getClass().getSimpleName());
        }
    }

    private Site site(StaffMember staff, String siteId) {
        staff.requireSite(siteId);
        return sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
    }

    private Ticket ticket(String siteId, int number, Instant now) {
        return queue.find(new TicketRef(siteId, ServiceDay.of(now), number), now)
                .orElseThrow(() -> StaffRequestException.notFound("No ticket number " + number + " today"));
    }

    private Ticket reread(Ticket ticket, Instant now) {
        return queue.find(ticket.ref(), now).orElse(ticket);
    }
}
