package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueStore;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tells waiting visitors to come back once only a few are ahead of them (the site's threshold), so
 * they can wait outside, at a café or with their children. Each visitor is told once.
 */
public final class ComeBackNotifier {

    private final QueueStore queue;
    private final QueueSms sms;

    public ComeBackNotifier(QueueStore queue, QueueSms sms) {
        this.queue = queue;
        this.sms = sms;
    }

    /** Runs after any change that moves the queue forward. */
    public void queueMoved(Site site, Instant now) {
        List<Ticket> waiting = queue.day(site.id(), ServiceDay.of(now), now).waiting();
        for (int ahead = 0; ahead < Math.min(site.comeBackWhenAhead(), waiting.size()); ahead++) {
            Ticket ticket = waiting.get(ahead);
            if (!ticket.comeBackSent()) {
                queue.markComeBackSent(ticket, sms.comeBack(site, ticket, ahead, now));
            }
        }
    }

    /** A visitor who joins with only a few ahead was told so in the join reply: no second SMS. */
    public void joined(Site site, Ticket ticket, int ahead) {
        if (ahead < site.comeBackWhenAhead()) {
            queue.markComeBackSent(ticket, Optional.empty());
        }
    }
}
