package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.QueueDay;
import fi.vuoro.domain.site.Site;
import java.time.Instant;

/** A site's queue as read at one moment. */
public record LiveQueue(Site site, QueueDay day, Instant readAt) {
}
