package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.site.Site;
import fi.vuoro.domain.site.SiteDirectory;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks called visitors who did not arrive within their site's grace time as no-show, and tells
 * them how to come back. Runs on a schedule; staff can also mark a no-show themselves.
 *
 * <p>Each site and each ticket is swept on its own: one that cannot be marked now is left for the next run and
 * holds up no other.
 */
public final class NoShowSweep {

    private static final Logger LOG = LoggerFactory.getLogger(NoShowSweep.class);

    /** What one run did: visitors marked no-show, and sites or tickets left for the next run. */
    public record Result(int marked, int failed) {
    }

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

    public Result run() {
        Instant now = clock.instant();
        int marked = 0;
        int failed = 0;
        for (Site site : sites.all()) {
            java.util.List<Ticket> tickets;
            try {
                QueueDay day = queue.day(site.id(), ServiceDay.of(now), now);
                tickets = day.tickets();
                correctWaiting(site, day, now);
            } catch (RuntimeException e) {
                failed++;
                LOG.error("No-show sweep could not read the queue of site {}; it is swept next run: {}", site.id(),
                        e.getClass().getSimpleName(), e);
                continue;
            }
            for (Ticket ticket : tickets) {
                boolean overdue = ticket.status() == TicketStatus.CALLED && ticket.calledAt()
                        .map(called -> called.plus(site.noShowGrace()).isBefore(now)).orElse(false);
                if (!overdue) {
                    continue;
                }
                try {
                    if (staff.noShow(site, ticket, now)) {
                        marked++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.error("No-show sweep could not mark ticket {} at site {}; it is tried next run: {}",
                            ticket.code(), site.id(), e.getClass().getSimpleName(), e);
                }
            }
        }
        return new Result(marked, failed);
    }

    /**
     * Sets the day's count of waiting right when a join stopped between its draw and its ticket (it counted a ticket
     * that never came), only if the count did not move since the day was read.
     */
    private void correctWaiting(Site site, QueueDay day, Instant now) {
        day.tally().ifPresent(tally -> tally.correction(day.waiting().size(), now).ifPresent(waiting -> {
            if (queue.correctWaiting(site.id(), ServiceDay.of(now), tally, waiting)) {
                LOG.warn("Count of waiting at site {} corrected from {} to {}", site.id(), tally.waiting(), waiting);
            }
        }));
    }
}
