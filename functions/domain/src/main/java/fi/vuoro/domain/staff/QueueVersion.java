package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.DayVersion;
import fi.vuoro.domain.queue.ServiceDay;

/** Which version of a site's queue today staff would see now (see {@link DayVersion}). */
public record QueueVersion(String siteId, ServiceDay day, DayVersion version) {
}
