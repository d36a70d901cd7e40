package fi.vuoro.domain.staff;

import fi.vuoro.domain.estimate.ServiceLog;
import fi.vuoro.domain.queue.QueueEvent;
import fi.vuoro.domain.queue.QueueListener;
import fi.vuoro.domain.queue.TicketStatus;

/**
 * Records how long each served visit took, from the call to "served", so that wait estimates follow the site's
 * real pace. A time that cannot be recorded only makes the next estimates rougher; the visit is served anyway.
 */
public final class ServiceTimes implements QueueListener {

    private final ServiceLog log;

    public ServiceTimes(ServiceLog log) {
        this.log = log;
    }

    @Override
    public void on(QueueEvent event) {
        if (event instanceof QueueEvent.Finished finished && finished.outcome() == TicketStatus.SERVED) {
            finished.serviceTime().ifPresent(took -> log.record(finished.site().id(), took, finished.at()));
        }
    }
}
