package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueConflictException;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.queue.TicketLifecycle;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells waiting visitors to come back once only a few are ahead of them (the site's threshold), so
 * they can wait outside, at a café or with their children. Each visitor is told once.
 *
 * <p>It listens to the queue: a call, a leave, a removal or an erasure moves the queue forward; a visitor who joins near the
 * front was told so in the join reply. It runs after the change that moved the queue was written, so it never
 * fails that change: a notice that cannot be written now is written when the queue next moves.
 */
public final class ComeBackNotifier implements QueueListener {

    private static final Logger LOG = LoggerFactory.getLogger(ComeBackNotifier.class);

    private final QueueStore queue;
    private final TicketLifecycle lifecycle;

    public ComeBackNotifier(QueueStore queue, TicketLifecycle lifecycle) {
        this.queue = queue;
        this.lifecycle = lifecycle;
    }

    @Override
    public void on(QueueEvent event) {
        if (event instanceof QueueEvent.Joined joined) {
            joined(joined.site(), joined.ticket(), joined.ahead());
        } else if ((event instanceof QueueEvent.Called called && !called.recall()) || event instanceof QueueEvent.Left
                || event instanceof QueueEvent.Removed || event instanceof QueueEvent.Erased) {
            queueMoved(event.site(), event.at());
        }
    }

    /** Runs after any change that moves the queue forward. */
    void queueMoved(Site site, Instant now) {
        List<Ticket> waiting;
        try {
            waiting = queue.day(site.id(), ServiceDay.of(now), now).waiting();
        } catch (RuntimeException e) {
            LOG.warn("Come-back notices of site {} wait for the next change of its queue: {}", site.id(),
                    e.getClass().getSimpleName());
            return;
        }
        for (int ahead = 0; ahead < Math.min(site.comeBackWhenAhead(), waiting.size()); ahead++) {
            Ticket ticket = waiting.get(ahead);
            if (!ticket.comeBackSent()) {
                write(site, ticket, ahead, now);
            }
        }
    }

    private void write(Site site, Ticket ticket, int ahead, Instant now) {
        try {
            // Written onto the ticket as just read; if it changed meanwhile, the next move of the queue tells it.
            queue.apply(lifecycle.comeBack(site, ticket, ahead, now));
        } catch (QueueConflictException e) {
            LOG.debug("Come-back notice of ticket {} at site {} left for the next move", ticket.code(), site.id());
        } catch (RuntimeException e) {
            LOG.warn("Come-back notice of ticket {} at site {} waits for the next change of the queue: {}",
                    ticket.code(), site.id(), e.getClass().getSimpleName());
        }
    }

    /** A visitor who joins with only a few ahead was told so in the join reply: no second SMS. */
    private void joined(Site site, Ticket ticket, int ahead) {
        if (ahead < site.comeBackWhenAhead() && !ticket.comeBackSent()) {
            try {
                queue.apply(lifecycle.toldNearFrontOnJoining(ticket));
            } catch (RuntimeException e) {
                // At worst the visitor is told "come back" once more later.
                LOG.warn("Could not note that ticket {} at site {} was told it is near the front: {}", ticket.code(),
                        site.id(), e.getClass().getSimpleName());
            }
        }
    }
}
