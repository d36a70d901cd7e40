package fi.vuoro.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.queue.TicketCode;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.testing.InMemoryAuditTrail;
import fi.vuoro.domain.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's own rules: what an entry may hold, how a change is described, who may read a day. */
class AuditTest {

    private static final Instant NOON = Instant.parse("2026-12-04T10:00:00Z");
    private static final StaffMember COORDINATOR = new StaffMember("coordinator", Set.of(), Set.of("demo"));
    private static final StaffMember ANNA = new StaffMember("anna", Set.of("demo"));

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final ManualClock clock = new ManualClock(NOON);
    private final Audit audit = new Audit(trail, clock);

    /** Stands in for a site's settings: any record compares field by field. */
    private record Settings(String name, Integer grace, List<String> hours, Long version) {
    }

    @Test
    void entry_shouldRefuseADetailHoldingAPhoneNumber_orATicketThatIsNoCode() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("demo", NOON, "anna", AuditAction.CALL,
                Optional.empty(), "called +358 40 123 4567"));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("demo", NOON, "anna", AuditAction.CALL,
                Optional.empty(), "0401234567"));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("demo", NOON, "anna", AuditAction.CALL,
                Optional.of("Leyla"), ""));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry("demo", NOON, " ", AuditAction.CALL,
                Optional.of("A1"), ""));
        assertEquals("desk 12", new AuditEntry("demo", NOON, "anna", AuditAction.CALL, Optional.of("A123"),
                " desk 12 ").detail());
    }

    @Test
    void entry_shouldTakeEveryTicketCodeADayCanHave_upToItsLastNumber() {
        for (int number : new int[] {1, 999, 1000, 5_000, TicketCode.MAX_PER_DAY}) {
            String code = TicketCode.of('K', number);
            assertEquals(Optional.of(code), new AuditEntry("demo", NOON, "anna", AuditAction.CALL, Optional.of(code),
                    "desk 1").ticket());
        }
    }

    @Test
    void settingsSaved_shouldNameTheFieldsThatChanged_inTheirOrder_butNotTheVersion() {
        Settings before = new Settings("Demo", 10, List.of("09:00-16:00"), 1L);
        Settings after = new Settings("Demo", 15, List.of("09:00-12:00"), 2L);

        audit.settingsSaved(COORDINATOR, "demo", Optional.of(before), after);
        audit.settingsSaved(COORDINATOR, "demo", Optional.of(after), after);
        audit.settingsSaved(COORDINATOR, "hervanta", Optional.empty(), after);

        assertEquals(List.of("grace, hours", "nothing changed", "created"),
                trail.all().stream().map(AuditEntry::detail).toList());
        assertTrue(trail.all().stream().allMatch(e -> e.action() == AuditAction.SETTINGS_CHANGE
                && e.who().equals("coordinator") && e.ticket().isEmpty() && e.at().equals(NOON)));
    }

    @Test
    void accountChange_shouldNameTheAccountAndWhatChanged_andRefuseWhatIsNoUsername() {
        audit.accountChange(COORDINATOR, "demo", "anna", "now coordinator");

        assertEquals(List.of(new AuditEntry("demo", NOON, "coordinator", AuditAction.ACCOUNT_CHANGE, Optional.empty(),
                "anna: now coordinator")), trail.all());
        assertThrows(IllegalArgumentException.class,
                () -> audit.accountChange(COORDINATOR, "demo", "anna smith", "removed"));
        assertThrows(IllegalArgumentException.class, () -> audit.accountChange(COORDINATOR, "demo", "anna", " "));
    }

    @Test
    void anEntryThatCannotBeWritten_shouldLeaveTheActionStanding_withoutAnError() {
        Audit failing = new Audit(new AuditTrail() {
            @Override
            public void record(AuditEntry entry) {
                throw new IllegalStateException("the table is not reachable");
            }

            @Override
            public List<AuditEntry> day(String siteId, LocalDate day, Instant now) {
                return List.of();
            }
        }, clock);

        failing.site(ANNA, "demo", AuditAction.DESK_OPENED, "desk 1", NOON);
        failing.site(ANNA, "demo", AuditAction.DESK_OPENED, "+358401234567", NOON);
    }

    @Test
    void day_shouldBeReadByTheSitesCoordinatorsOnly_andBeTodayInHelsinki_whenNoDayIsGiven() {
        clock.advance(Duration.between(NOON, Instant.parse("2026-12-04T22:30:00Z")));  // 00:30 on 5 December in Helsinki
        audit.site(ANNA, "demo", AuditAction.DESK_CLOSED, "desk 1", clock.instant());

        Audit.Day today = audit.day(COORDINATOR, "demo", Optional.empty());

        assertEquals(LocalDate.parse("2026-12-05"), today.day());
        assertEquals(1, today.entries().size());
        assertEquals(List.of(), audit.day(COORDINATOR, "demo", Optional.of(LocalDate.parse("2026-12-04"))).entries());
        assertThrows(SiteAccessDeniedException.class, () -> audit.day(ANNA, "demo", Optional.empty()));
    }
}
