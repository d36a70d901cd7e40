package fi.vuoro.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.staff.StaffRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void of_shouldKeepBothDays_whenTheyAreDates() {
        ReportPeriod period = ReportPeriod.of("2026-11-01", " 2026-11-28 ");

        assertEquals(LocalDate.of(2026, 11, 1), period.from());
        assertEquals(LocalDate.of(2026, 11, 28), period.to());
    }

    @Test
    void of_shouldNameTheParameter_whenOneIsMissingOrNotADate() {
        assertRefused(null, "2026-11-28", "from is missing");
        assertRefused("2026-11-01", " ", "to is missing");
        assertRefused("1.11.2026", "2026-11-28", "from is not a date");
        assertRefused("2026-11-01", "2026-11-31", "to is not a date");
    }

    @Test
    void of_shouldRefuse_whenThePeriodEndsBeforeItStarts() {
        assertRefused("2026-11-02", "2026-11-01", "to (2026-11-01) is before from (2026-11-02)");
    }

    @Test
    void of_shouldTakeAYearAndADay_butRefuseLonger() {
        assertEquals(LocalDate.of(2025, 12, 31), ReportPeriod.of("2024-12-31", "2025-12-31").to());

        assertRefused("2024-12-30", "2025-12-31", "to: the period from 2024-12-30 to 2025-12-31 is 367 days");
    }

    private static void assertRefused(String from, String to, String expected) {
        StaffRequestException e = assertThrows(StaffRequestException.class, () -> ReportPeriod.of(from, to));
        assertEquals(StaffRequestException.Reason.INVALID, e.reason());
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
