package fi.vuoro.domain.queue;

import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** A site's service day: its local date, and when records of that day may be forgotten. */
public record ServiceDay(LocalDate date) {

    public static ServiceDay of(Instant now) {
        return new ServiceDay(now.atZone(Site.ZONE).toLocalDate());
    }

    /** The end of the service day (local midnight) plus the retention time. */
    public Instant expiresAt(Duration retention) {
        return date.plusDays(1).atStartOfDay(Site.ZONE).toInstant().plus(retention);
    }
}
