package fi.vuoro.domain.queue;

/**
 * A change of the queue could not be written because other changes of the same items kept getting in its way
 * (DynamoDB cancelled it as conflicting or throttled, and retries did not help). Nothing of it was written, so the
 * caller may simply try again.
 */
public class QueueBusyException extends RuntimeException {

    public QueueBusyException(String message) {
        super(message);
    }
}
