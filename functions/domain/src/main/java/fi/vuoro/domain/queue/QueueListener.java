package fi.vuoro.domain.queue;

/** Reacts to what happened in a queue, after it was written. */
public interface QueueListener {

    void on(QueueEvent event);
}
