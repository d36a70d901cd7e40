package fi.vuoro.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every audit trail promises, whatever keeps it: the in-memory trail of the unit tests and the DynamoDB adapter
 * on DynamoDB Local both pass it. Every test works on a site of its own.
 */
public abstract class AuditTrailContract {

    /** 12:00 in Helsinki, 4 December 2026. */
    protected static final Instant NOON = Instant.parse("2026-12-04T10:00:00Z");
    protected static final LocalDate DAY = LocalDate.parse("2026-12-04");

    /** A trail to test, fresh or shared. */
    protected abstract AuditTrail trail();

    protected static String newSite() {
        return "site-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static AuditEntry entry(String siteId, Instant at, AuditAction action, String ticket, String detail) {
        return new AuditEntry(siteId, at, "anna", action, Optional.ofNullable(ticket), detail);
    }

    @Test
    void day_shouldGiveTheSitesEntriesOfTheDay_oldestFirst_withEveryField() {
        String site = newSite();
        AuditEntry served = entry(site, NOON.plusSeconds(600), AuditAction.SERVED, "A12", "desk 2");
        AuditEntry called = entry(site, NOON.plusMillis(1), AuditAction.CALL, "A12", "desk 2, next in line");
        AuditEntry opened = new AuditEntry(site, NOON, "coordinator", AuditAction.DESK_OPENED, Optional.empty(),
                "desk 2");
        trail().record(served);
        trail().record(called);
        trail().record(opened);

        assertEquals(List.of(opened, called, served), trail().day(site, DAY, NOON.plusSeconds(700)));
    }

    @Test
    void day_shouldCountTheDayInHelsinki_andKeepOtherSitesAndDaysOut() {
        String site = newSite();
        AuditEntry lateEvening = entry(site, Instant.parse("2026-12-03T21:59:59Z"), AuditAction.CALL, "A1", "desk 1");
        AuditEntry afterMidnight = entry(site, Instant.parse("2026-12-03T22:00:00Z"), AuditAction.CALL, "A2",
                "desk 1");
        trail().record(lateEvening);
        trail().record(afterMidnight);
        trail().record(entry(newSite(), NOON, AuditAction.CALL, "A3", "desk 1"));

        assertEquals(List.of(lateEvening), trail().day(site, DAY.minusDays(1), NOON));
        assertEquals(List.of(afterMidnight), trail().day(site, DAY, NOON));
        assertEquals(List.of(), trail().day(site, DAY.plusDays(1), NOON));
    }

    @Test
    void day_shouldKeepEntriesNinetyDays_andNoLonger() {
        String site = newSite();
        AuditEntry entry = entry(site, NOON, AuditAction.SETTINGS_CHANGE, null, "openingHours");
        trail().record(entry);

        assertEquals(Duration.ofDays(90), AuditTrail.KEPT_FOR);
        assertEquals(List.of(entry), trail().day(site, DAY, NOON.plus(AuditTrail.KEPT_FOR).minusSeconds(1)));
        assertEquals(List.of(), trail().day(site, DAY, NOON.plus(AuditTrail.KEPT_FOR)));
    }
}
