package fi.vuoro.domain.queue;

/** Identifies a ticket: site, service day and the day's running number. */
public record TicketRef(String siteId, ServiceDay day, int number) {
}
