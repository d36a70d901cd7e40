package fi.vuoro.domain.staff;

import fi.vuoro.domain.queue.ServiceDay;
import fi.vuoro.domain.queue.Ticket;
import fi.vuoro.domain.site.Site;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Whether a waiting visitor is ready to be called by "call next" (e.g. their interpreter is there). A capability
 * that can hold a visitor back contributes one; staff can still call anyone explicitly.
 */
public interface CallReadiness {

    /** The check for one site's day, read once for all its waiting tickets. */
    Predicate<Ticket> forDay(Site site, ServiceDay day, Instant now);
}
