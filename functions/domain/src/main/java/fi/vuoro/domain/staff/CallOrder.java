package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Who "call next" may call, in order: the waiting visitors, longest waiting first, who are ready to be called. */
public final class CallOrder {

    private final List<CallReadiness> readiness;

    public CallOrder(List<CallReadiness> readiness) {
        this.readiness = List.copyOf(readiness);
    }

    public List<Ticket> candidates(Site site, QueueDay day, Instant now) {
        List<Ticket> waiting = day.waiting();
        if (waiting.isEmpty() || readiness.isEmpty()) {
            return waiting;
        }
        ServiceDay serviceDay = waiting.get(0).day();
        Predicate<Ticket> ready = readiness.stream().map(check -> check.forDay(site, serviceDay, now))
                .reduce(Predicate::and).orElseThrow();
        return waiting.stream().filter(ready).toList();
    }
}
