package fi.vuoro.domain.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a site's audit entries are kept, by the site's service day (the day in Helsinki of the entry's instant).
 * Entries are only added, never changed, and are kept for {@link #KEPT_FOR}.
 */
public interface AuditTrail {

    /**
     * How long an audit entry is kept: long enough for a coordinator to look back over a quarter, and nothing in it
     * is a visitor's personal data (a ticket code means nothing once its ticket is gone, within days).
     */
    Duration KEPT_FOR = Duration.ofDays(90);

    void record(AuditEntry entry);

    /** The site's entries of the day, oldest first; entries older than {@link #KEPT_FOR} at {@code now} are gone. */
    List<AuditEntry> day(String siteId, LocalDate day, Instant now);
}
