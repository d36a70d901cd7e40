package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells waiting visitors to come back once only a few are ahead of them (the site's threshold), so
 * they can wait outside, at a café or with their children. Each visitor is told once.
 *
 * <p>It runs after the change that moved the queue has been written, so it never fails that change: a notice
 * that cannot be written now is written when the queue next moves.
 */
public final class ComeBackNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ComeBackNotifier.class);

    private final QueueStore queue;
    private final QueueSms sms;

    public ComeBackNotifier(QueueStore queue, QueueSms sms) {
        this.queue = queue;
        this.sms = sms;
    }

    /** Runs after any change that moves the queue forward. */
    public void queueMoved(Site site, Instant now) {
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
                try {
                    queue.markComeBackSent(ticket, sms.comeBack(site, ticket, ahead, now));
                } catch (RuntimeException e) {
                    LOG.warn("Come-back notice of ticket {} at site {} waits for the next change of the queue: {}",
                            ticket.code(), site.id(), e.getClass().getSimpleName());
                }
            }
        }
    }

    /** A visitor who joins with only a few ahead was told so in the join reply: no second SMS. */
    public void joined(Site site, Ticket ticket, int ahead) {
        if (ahead < site.comeBackWhenAhead()) {
            try {
                queue.markComeBackSent(ticket, Optional.empty());
            } catch (RuntimeException e) {
                // At worst the visitor is told "come back" once more later.
                LOG.warn("Could not note that ticket {} at site {} was told it is near the front: {}", ticket.code(),
                        site.id(), e.getClass().getSimpleName());
            }
        }
    }
}
