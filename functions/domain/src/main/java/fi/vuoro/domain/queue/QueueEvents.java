package fi.vuoro.domain.queue;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each written queue event to every listener. The change is written already, so a listener that fails is
 * logged and the others still run: it never turns a written change into an error.
 */
public final class QueueEvents {

    private static final Logger LOG = LoggerFactory.getLogger(QueueEvents.class);

    private final List<QueueListener> listeners;

    public QueueEvents(List<QueueListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public static QueueEvents none() {
        return new QueueEvents(List.of());
    }

    public void publish(List<QueueEvent> events) {
        for (QueueEvent event : events) {
            for (QueueListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    LOG.error("{} failed on {} of ticket {} at site {}: {}", listener.getClass().getSimpleName(),
                            event.getClass().getSimpleName(), event.ticket().code(), event.site().id(),
                            e.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
