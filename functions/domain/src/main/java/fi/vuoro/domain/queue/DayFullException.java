package fi.vuoro.domain.queue;

/**
 * The site has given {@link TicketCode#MAX_PER_DAY} tickets today and can give no more until the next service
 * day. Nothing was written: the draw that found the day full took no number and no place.
 */
public class DayFullException extends QueueConflictException {

    public DayFullException(String siteId) {
        super("Site " + siteId + " has given the most tickets a day can have (" + TicketCode.MAX_PER_DAY
                + "); no more until tomorrow");
    }
}
