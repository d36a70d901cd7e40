package fi.vuoro.staff;

import fi.vuoro.domain.audit.Audit;
import fi.vuoro.domain.audit.AuditAction;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.platform.auth.StaffAuthenticator;
import fi.vuoro.staff.StaffViews.FeedbackCardView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;

/**
 * The printed feedback card of a served walk-in, who has no phone to get the link by SMS: the link and its QR code,
 * made here so the page draws nothing it did not get from us.
 */
@Controller("/staff/api/sites/{siteId}/tickets/{number}/feedback-link")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackCardController {

    private final StaffAuthenticator authenticator;
    private final SiteDirectory sites;
    private final QueueStore queue;
    private final FeedbackService feedback;
    private final Clock clock;
    private final Audit audit;

    FeedbackCardController(StaffAuthenticator authenticator, SiteDirectory sites, QueueStore queue,
                           FeedbackService feedback, Clock clock, Audit audit) {
        this.authenticator = authenticator;
        this.sites = sites;
        this.queue = queue;
        this.feedback = feedback;
        this.clock = clock;
        this.audit = audit;
    }

    /** The card of a served walk-in: the same link however often it is printed; the link itself is never stored. */
    @Post
    public HttpResponse<FeedbackCardView> card(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                               String siteId, int number) {
        StaffMember staff = authenticator.authenticate(authorization);
        staff.requireSite(siteId);
        Site site = sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
        Instant now = clock.instant();
        Ticket ticket = queue.find(new TicketRef(siteId, ServiceDay.of(now), number), now)
                .orElseThrow(() -> StaffRequestException.notFound("No ticket number " + number + " today"));
        String link = feedback.walkInLink(site, ticket, now);
        audit.ticket(staff, AuditAction.FEEDBACK_CARD_PRINTED, ticket, "", now);
        return HttpResponse.ok(new FeedbackCardView(link, QrSvg.of(link)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
