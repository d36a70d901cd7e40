package fi.vuoro.domain.interpreter;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.LiveQueue;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What staff at the desks do about interpreters: ask for one for any visitor (also one whose language the staff
 * speak), ask again after nobody was found, cancel, and say the interpreter has arrived; and read the day's
 * requests for the live queue. What staff did is written to the site's {@link Audit audit trail}.
 */
public final class InterpreterDesk {

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final InterpreterService interpreters;
    private final Clock clock;
    private final Audit audit;

    public InterpreterDesk(SiteDirectory sites, QueueStore queue, InterpreterService interpreters, Clock clock,
                           Audit audit) {
        this.sites = sites;
        this.queue = queue;
        this.interpreters = interpreters;
        this.clock = clock;
        this.audit = audit;
    }

    public InterpreterRequest request(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Ticket ticket = liveTicket(siteId, number, now);
        InterpreterRequest request = interpreters.request(site, ticket, now);
        audit.ticket(staff, AuditAction.INTERPRETER_REQUESTED, ticket, "language " + request.language(), now);
        return request;
    }

    public Optional<InterpreterRequest> cancel(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        Optional<InterpreterRequest> cancelled = interpreters.cancel(site, ref(siteId, number, now), now);
        cancelled.ifPresent(request -> audit.ticket(staff, siteId,
                AuditAction.INTERPRETER_CANCELLED, request.ticketCode(), "language " + request.language(), now));
        return cancelled;
    }

    public InterpreterRequest arrived(StaffMember staff, String siteId, int number) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        try {
            InterpreterRequest arrived = interpreters.arrived(site, ref(siteId, number, now), now);
            audit.ticket(staff, siteId, AuditAction.INTERPRETER_ARRIVED, arrived.ticketCode(),
                    "language " + arrived.language(), now);
            return arrived;
        } catch (InterpreterConflictException none) {
            throw StaffRequestException.notFound("Ticket " + number + " has no interpreter request");
        }
    }

    /** The live queue as staff see it, each ticket with its request for an interpreter (by ticket number). */
    public record LiveView(LiveQueue live, Map<Integer, InterpreterRequest> requests) {
    }

    /** The site's queue today with its interpreter requests: the site, then one read of the day. */
    public LiveView liveQueue(StaffMember staff, String siteId) {
        Site site = site(staff, siteId);
        Instant now = clock.instant();
        DayWithRequests day = interpreters.dayWithRequests(siteId, ServiceDay.of(now), now);
        Map<Integer, InterpreterRequest> byNumber = new HashMap<>();
        day.requests().forEach(request -> byNumber.put(request.ticket().number(), request));
        return new LiveView(new LiveQueue(site, day.queue(), now), byNumber);
    }

    private Site site(StaffMember staff, String siteId) {
        staff.requireSite(siteId);
        return sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
    }

    private Ticket liveTicket(String siteId, int number, Instant now) {
        return queue.find(ref(siteId, number, now), now).filter(t -> t.status().isLive())
                .orElseThrow(() -> StaffRequestException.notFound("No ticket number " + number + " in the queue today"));
    }

    private static TicketRef ref(String siteId, int number, Instant now) {
        return new TicketRef(siteId, ServiceDay.of(now), number);
    }
}
