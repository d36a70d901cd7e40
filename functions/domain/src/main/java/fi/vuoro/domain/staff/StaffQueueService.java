package fi.vuoro.domain.staff;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.queue.Desk;
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
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff at the desks do with a site's live queue. Each action is a change the ticket lifecycle decides and
 * the store writes onto the version it was decided on, so two staff acting at the same moment never call the same
 * visitor twice; the SMS a change owes the visitor is written with it, and what follows (come-back notices,
 * service times, interpreters) listens to the change's events. Each action that succeeded is written to the site's
 * {@link Audit audit trail} with who did it.
 */
public final class StaffQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(StaffQueueService.class);

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final TicketLifecycle lifecycle;
    private final TicketChanges changes;
    private final QueueEvents events;
    private final StaffInput input;
    private final CallOrder callOrder;
    private final Clock clock;
    private final Audit audit;

    public StaffQueueService(SiteDirectory sites, QueueStore queue, TicketLifecycle lifecycle, QueueEvents events,
                             StaffInput input, CallOrder callOrder, Clock clock, Audit audit) {
        this.sites = sites;
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.changes = new TicketChanges(queue, events);
        this.events = events;
        this.input = input;
        this.callOrder = callOrder;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Which version of the site's queue today staff see, without reading the queue: the member of staff must be of
     * the site (their sign-in says so), but the site itself is not read.
     */
    public QueueVersion queueVersion(StaffMember staff, String siteId) {
        staff.requireSite(siteId);
        ServiceDay day = ServiceDay.of(clock.instant());
        return new QueueVersion(siteId, day, queue.dayVersion(siteId, day));
    }

    /**
     * Calls the longest-waiting visitor who is ready to be called (see {@link CallOrder}), optionally only one with
     * the topic or language, to the desk.
     */
    public Ticket callNext(StaffMember staff, String siteId, String desk, Optional<String> topic,
                           Optional<String> language) {
        Site site = site(staff, siteId);
        String deskLabel = input.desk(desk);
        Optional<String> onlyTopic = input.topic(topic, site);
        Optional<String> onlyLanguage = language.filter(l -> !l.isBlank()).map(input::language);
        Instant now = clock.instant();
        List<Ticket> candidates = callOrder.candidates(site, queue.day(siteId, ServiceDay.of(now), now), now).stream()
                .filter(t -> onlyTopic.isEmpty() || t.topic().map(tp -> tp.equalsIgnoreCase(onlyTopic.get())).orElse(false))
                .filter(t -> onlyLanguage.isEmpty() || t.language().equals(onlyLanguage.get()))
                .toList();
        for (Ticket candidate : candidates) {
            try {
                Ticket called = changes.apply(candidate, now, t -> lifecycle.call(site, t, deskLabel, now));
                LOG.info("Ticket {} called to desk {} at site {}", called.code(), deskLabel, siteId);
                audit.ticket(staff, AuditAction.CALL, called, "desk " + deskLabel + ", next in line", now);
                return called;
            } catch (QueueConflictException calledByAnotherDesk) {
                // Another desk called this visitor a moment ago: try the next one.
            }
        }
        throw new QueueConflictException(topic.isPresent() || language.isPresent()
                ? "Nobody with that topic or language is waiting" : "Nobody is waiting to be called");
    }

    /** Calls one particular waiting visitor to the desk, ready or not. */
    public Ticket call(StaffMember staff, String siteId, int number, String desk) {
        Site site = site(staff, siteId);
        String deskLabel = input.desk(desk);
        Instant now = clock.instant();
        Ticket called = changes.apply(ticket(siteId, number, now), now, t -> lifecycle.call(site, t, deskLabel, now));
        LOG.info("Ticket {} called to desk {} at site {}", called.code(), deskLabel, siteId);
        audit.ticket(staff, AuditAction.CALL, called, "desk " + deskLabel + ", by number", now);
        return called;
    }

    /** Calls a called visitor again, e.g. when they did not hear it; restarts the grace time. */
    public Ticket recall(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket recalled = changes.apply(ticket(siteId, number, now), now, t -> lifecycle.recall(site, t, now));
        audit.ticket(staff, AuditAction.RECALL, recalled, desk(recalled), now);
        return recalled;
    }

    public Ticket markServed(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket served = changes.apply(ticket(siteId, number, now), now, t -> lifecycle.serve(site, t, now));
        LOG.info("Ticket {} served at site {}", served.code(), siteId);
        audit.ticket(staff, AuditAction.SERVED, served, desk(served), now);
        return served;
    }

    public Ticket markNoShow(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket missed = changes.apply(ticket(siteId, number, now), now, t -> lifecycle.noShow(site, t, now));
        LOG.info("Ticket {} marked no-show at site {}", missed.code(), siteId);
        audit.ticket(staff, AuditAction.NO_SHOW, missed, desk(missed), now);
        return missed;
    }

    /** Puts a called or no-show visitor back in the queue, in their original place. */
    public Ticket requeue(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket before = ticket(siteId, number, now);
        Ticket requeued = changes.apply(before, now, t -> lifecycle.requeue(site, t, now));
        audit.ticket(staff, AuditAction.REQUEUE, requeued, "was " + before.status().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), now);
        return requeued;
    }

    /**
     * Removes a junk ticket (a flood of joins, a wrong number) from the queue: it ends as REMOVED, the visitor is
     * texted nothing, an SMS still owed for it is dropped unsent, and the reports count no visit.
     */
    public Ticket remove(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket before = ticket(siteId, number, now);
        Ticket removed = changes.apply(before, now, t -> lifecycle.remove(site, t, now));
        LOG.info("Ticket {} removed from the queue at site {}", removed.code(), siteId);
        audit.ticket(staff, AuditAction.REMOVE, removed, "was " + before.status().name().toLowerCase(Locale.ROOT),
                now);
        return removed;
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
        Instant expiresAt = day.expiresAt(site.retention());
        NumberDraw draw = queue.drawNumber(siteId, day, expiresAt);
        int number = draw.number();
        Ticket ticket = Ticket.walkIn(siteId, day, number, TicketCode.of(site.ticketLetterFor(cleanTopic), number), cleanName,
                languageCode, cleanTopic, !site.staffSpeak(languageCode), now, expiresAt);
        queue.createWalkIn(ticket);
        LOG.info("Walk-in ticket {} added at site {}", ticket.code(), siteId);
        events.publish(List.of(new QueueEvent.Joined(site, ticket, draw.waitingAhead(), now)));
        // Never the walk-in's name: the language and topic are enough to tell the ticket apart.
        audit.ticket(staff, AuditAction.WALK_IN, ticket, "language " + languageCode
                + cleanTopic.map(t -> ", topic " + t).orElse(""), now);
        return ticket;
    }

    public Desk setDesk(StaffMember staff, String siteId, String desk, boolean open) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        ServiceDay day = ServiceDay.of(now);
        Desk changed = new Desk(input.desk(desk), open, staff.username(), now);
        queue.setDesk(siteId, day, changed, day.expiresAt(site.retention()));
        audit.site(staff, siteId, open ? AuditAction.DESK_OPENED : AuditAction.DESK_CLOSED, "desk " + changed.label(),
                now);
        return changed;
    }

    /** Marks a called visitor who did not arrive as no-show, as the sweep does. @return false if not at a desk */
    boolean noShow(Site site, Ticket ticket, Instant now) {
        try {
            Ticket missed = changes.apply(ticket, now, t -> lifecycle.noShow(site, t, now));
            LOG.info("Ticket {} marked no-show at site {}", missed.code(), site.id());
            return true;
        } catch (QueueConflictException notAtADesk) {
            return false;
        }
    }

    private static String desk(Ticket ticket) {
        return ticket.desk().map(label -> "desk " + label).orElse("");
    }

    private Site site(StaffMember staff, String siteId) {
        staff.requireSite(siteId);
        return sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
    }

    private Ticket ticket(String siteId, int number, Instant now) {
        return queue.find(new TicketRef(siteId, ServiceDay.of(now), number), now)
                .orElseThrow(() -> StaffRequestException.notFound("No ticket number " + number + " today"));
    }
}
