package fi.vuoro.domain.queue;

/** A visitor already holds a live ticket at the site; a join must not issue a second one. */
public class LiveTicketExistsException extends RuntimeException {

    private final TicketRef existing;

    public LiveTicketExistsException(TicketRef existing) {
        super("The visitor already has a live ticket at site " + existing.siteId());
        this.existing = existing;
    }

    public TicketRef existing() {
        return existing;
    }
}
