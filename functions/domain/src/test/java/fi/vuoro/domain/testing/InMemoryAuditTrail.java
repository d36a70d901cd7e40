package fi.vuoro.domain.testing;

import fi.vuoro.domain.audit.AuditEntry;
import fi.vuoro.domain.audit.AuditTrail;
import fi.vuoro.domain.queue.ServiceDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail in memory, for tests of what staff actions record; it passes the same contract as the DynamoDB
 * adapter. Entries of the same instant keep the order they were recorded in.
 */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> day(String siteId, LocalDate day, Instant now) {
        return entries.stream()
                .filter(entry -> entry.siteId().equals(siteId) && ServiceDay.of(entry.at()).date().equals(day))
                .filter(entry -> now.isBefore(entry.at().plus(KEPT_FOR)))
                .sorted(Comparator.comparing(AuditEntry::at))
                .toList();
    }

    /** Every entry recorded, in the order recorded. */
    public synchronized List<AuditEntry> all() {
        return new ArrayList<>(entries);
    }
}
