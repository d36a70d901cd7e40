package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Instant;

/**
 * Marks called visitors who did not arrive within their site's grace time as no-show, and tells
 * them how to come back. Runs on a schedule; staff can also mark a no-show themselves.
 */
public final class NoShowSweep {

    private final SiteDirectory sites;
    private final QueueStore queue;
    private final StaffQueueService staff;
    private final Clock clock;

    public NoShowSweep(SiteDirectory sites, QueueStore queue, StaffQueueService staff, Clock clock) {
        this.sites = sites;
        this.queue = queue;
        this.staff = staff;
        this.clock = clock;
    }

    /** @return how many visitors were marked no-show */
    public int run() {
        Instant now = clock.instant();
        int marked = 0;
        for (Site site : sites.all()) {
            for (Ticket ticket : queue.day(site.id(), ServiceDay.of(now), now).tickets()) {
                boolean overdue = ticket.status() == TicketStatus.CALLED && ticket.calledAt()
                        .map(called -> called.plus(site.noShowGrace()).isBefore(now)).orElse(false);
                if (overdue && staff.noShow(site, ticket, now)) {
                    marked++;
                }
            }
        }
        return marked;
    }
}
