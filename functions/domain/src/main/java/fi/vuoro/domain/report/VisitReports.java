package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.InterpreterUse;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts every visit into its site's tally of the day as it ends: served, no-show, or left the queue. A ticket staff
 * removed (a junk join) was no visit and is not counted.
 */
public final class VisitReports implements QueueListener {

    private final ReportStore store;
    private final InterpreterUse interpreters;

    public VisitReports(ReportStore store, InterpreterUse interpreters) {
        this.store = store;
        this.interpreters = interpreters;
    }

    @Override
    public void on(QueueEvent event) {
        if (event instanceof QueueEvent.Finished || event instanceof QueueEvent.Left) {
            count(event.ticket(), event.at());
        }
    }

    private void count(Ticket ticket, Instant at) {
        boolean found = interpreters.wasUsed(ticket.ref(), at);
        Optional<Integer> waited = ticket.calledAt()
                .map(called -> (int) Math.max(0, Duration.between(ticket.joinedAt(), called).toMinutes()));
        int hour = ticket.joinedAt().atZone(Site.ZONE).getHour();
        VisitCount count = new VisitCount(ticket.status(), hour, waited, ticket.needsInterpreter() || found, found);
        store.countVisit(ticket.siteId(), ticket.day().date(), new VisitTraits(ticket.topic(), ticket.language(), found),
                count);
    }
}
