package fi.vuoro.domain.queue;

/**
 * The queue is not in the state the action needs: the ticket was already called, served or left,
 * or nobody is waiting. Staff see the message and the refreshed queue.
 */
public class QueueConflictException extends RuntimeException {

    public QueueConflictException(String message) {
        super(message);
    }
}
