package fi.vuoro.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.staff.QueueVersion;
import fi.vuoro.domain.staff.StaffRequestException;
import fi.vuoro.staff.StaffViews.LobbyCall;
import fi.vuoro.staff.StaffViews.LobbyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;

/**
 * The public lobby screen's data: which ticket is called to which desk, latest first. Ticket codes
 * and desks only, nothing personal.
 */
@Controller("/lobby/api/sites/{siteId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LobbyController {

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final ETags etags;
    private final Clock clock;

    LobbyController(SiteDirectory sites, QueueStore queue, ETags etags, Clock clock) {
        this.sites = sites;
        this.queue = queue;
        this.etags = etags;
        this.clock = clock;
    }

    @Get("/calls")
    public HttpResponse<LobbyView> calls(@Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                         String siteId) {
        // Public, like the screen: the version says nothing but whether the calls changed.
        ServiceDay today = ServiceDay.of(clock.instant());
        QueueVersion version = new QueueVersion(siteId, today, queue.dayVersion(siteId, today));
        String etag = etags.of("lobby", version);
        if (etags.unchanged(etag, version, ifNoneMatch)) {
            return etags.notModified(etag);
        }
        Site site = sites.findById(siteId).orElseThrow(() -> StaffRequestException.notFound("No site " + siteId));
        Instant now = clock.instant();
        QueueDay day = queue.day(siteId, today, now);
        LobbyView view = new LobbyView(site.name(), day.tickets().stream()
                .filter(ticket -> ticket.status() == TicketStatus.CALLED && ticket.calledAt().isPresent())
                .sorted(Comparator.comparing((Ticket ticket) -> ticket.calledAt().orElseThrow()).reversed())
                .map(ticket -> new LobbyCall(ticket.code(), ticket.desk().orElse(""),
                        ticket.calledAt().orElseThrow().toString()))
                .toList());
        return etags.ok(view, etag, day.settledUpTo(version.version().lastNumber(), now));
    }
}
