package fi.vuoro.staff;

import fi.vuoro.domain.interpreter.InterpreterDesk;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.staff.LiveQueue;
import fi.vuoro.domain.staff.QueueVersion;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffQueueService;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.platform.auth.StaffAuthenticator;
import fi.vuoro.staff.StaffViews.CallNextRequest;
import fi.vuoro.staff.StaffViews.DeskChange;
import fi.vuoro.staff.StaffViews.DeskRequest;
import fi.vuoro.staff.StaffViews.DeskView;
import fi.vuoro.staff.StaffViews.InterpreterView;
import fi.vuoro.staff.StaffViews.QueueView;
import fi.vuoro.staff.StaffViews.TicketView;
import fi.vuoro.staff.StaffViews.WalkInRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * The live queue of a site for its staff: read it (cheap to poll, with an ETag) and act on it. Every
 * endpoint needs a signed-in member of staff of that site.
 */
@Controller("/staff/api/sites/{siteId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffQueueController {

    private final StaffAuthenticator authenticator;
    private final StaffQueueService queue;
    private final InterpreterDesk interpreters;
    private final StaffViewMapper views;
    private final ETags etags;

    StaffQueueController(StaffAuthenticator authenticator, StaffQueueService queue, InterpreterDesk interpreters,
                         StaffViewMapper views, ETags etags) {
        this.authenticator = authenticator;
        this.queue = queue;
        this.interpreters = interpreters;
        this.views = views;
        this.etags = etags;
    }

    @Get("/queue")
    public HttpResponse<QueueView> liveQueue(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                             @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                             String siteId) {
        StaffMember staff = staff(authorization);
        // The version first, then the queue: what is read after it is at least as new as what it counts.
        QueueVersion version = queue.queueVersion(staff, siteId);
        String etag = etags.of("queue", version);
        if (etags.unchanged(etag, version, ifNoneMatch)) {
            return etags.notModified(etag);
        }
        InterpreterDesk.LiveView read = interpreters.liveQueue(staff, siteId);
        LiveQueue live = read.live();
        Map<Integer, InterpreterRequest> requests = read.requests();
        QueueView view = new QueueView(views.site(live),
                live.day().tickets().stream().map(ticket -> views.ticket(ticket, Optional.of(live.site()),
                        Optional.ofNullable(requests.get(ticket.number())))).toList(),
                live.day().desks().stream().map(views::desk).toList());
        return etags.ok(view, etag, live.day().settledUpTo(version.version().lastNumber(), live.readAt()));
    }

    @Post("/call-next")
    public TicketView callNext(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                               @Body CallNextRequest request) {
        return views.ticket(queue.callNext(staff(authorization), siteId, request.desk(),
                blankToEmpty(request.topic()), blankToEmpty(request.language())));
    }

    @Post("/tickets/{number}/call")
    public TicketView call(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                           int number, @Body DeskRequest request) {
        return views.ticket(queue.call(staff(authorization), siteId, number, request.desk()));
    }

    @Post("/tickets/{number}/recall")
    public TicketView recall(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                             int number) {
        return views.ticket(queue.recall(staff(authorization), siteId, number));
    }

    @Post("/tickets/{number}/served")
    public TicketView served(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                             int number) {
        return views.ticket(queue.markServed(staff(authorization), siteId, number));
    }

    @Post("/tickets/{number}/no-show")
    public TicketView noShow(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                             int number) {
        return views.ticket(queue.markNoShow(staff(authorization), siteId, number));
    }

    @Post("/tickets/{number}/requeue")
    public TicketView requeue(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                              int number) {
        return views.ticket(queue.requeue(staff(authorization), siteId, number));
    }

    /** Takes a junk ticket off the queue: no SMS, no visit in the reports. */
    @Post("/tickets/{number}/remove")
    public TicketView remove(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                             int number) {
        return views.ticket(queue.remove(staff(authorization), siteId, number));
    }

    @Post("/walk-ins")
    public HttpResponse<TicketView> addWalkIn(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                              String siteId, @Body WalkInRequest request) {
        Ticket ticket = queue.addWalkIn(staff(authorization), siteId, request.name(), request.language(),
                blankToEmpty(request.topic()));
        return HttpResponse.created(views.ticket(ticket));
    }

    /** Asks for an interpreter for the visitor (again, after none was found or it was cancelled). */
    @Post("/tickets/{number}/interpreter")
    public InterpreterView requestInterpreter(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                              String siteId, int number) {
        return views.interpreter(interpreters.request(staff(authorization), siteId, number));
    }

    @Delete("/tickets/{number}/interpreter")
    public HttpResponse<InterpreterView> cancelInterpreter(
            @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId, int number) {
        return interpreters.cancel(staff(authorization), siteId, number).map(views::interpreter)
                .map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    /** The confirmed interpreter is at the site. */
    @Post("/tickets/{number}/interpreter/arrived")
    public InterpreterView interpreterArrived(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                              String siteId, int number) {
        return views.interpreter(interpreters.arrived(staff(authorization), siteId, number));
    }

    @Put("/desks/{label}")
    public DeskView setDesk(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, String siteId,
                            String label, @Body DeskChange change) {
        StaffMember staff = staff(authorization);  // who asks comes first: a body is judged only for staff
        staff.requireSite(siteId);
        if (change.open() == null) {
            throw StaffRequestException.invalid("Say whether the desk is open: {\"open\": true} or {\"open\": false}");
        }
        return views.desk(queue.setDesk(staff, siteId, label, change.open()));
    }

    private StaffMember staff(String authorization) {
        return authenticator.authenticate(authorization);
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
