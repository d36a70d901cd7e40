package fi.vuoro.domain.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final OpeningHours WEEKDAYS = OpeningHours.parse(Map.of(
            "MON", "08:30-16:00", "WED", "08:30-11:30, 12:30-16:00", "FRI", "08:30-14:00"));

    private static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+02:00[Europe/Helsinki]");
    }

    @Test
    void isOpen_shouldHonourPeriodsWithExclusiveEnd() {
        assertTrue(WEEKDAYS.isOpen(at("2026-11-23T08:30:00")));
        assertTrue(WEEKDAYS.isOpen(at("2026-11-23T15:59:00")));
        assertFalse(WEEKDAYS.isOpen(at("2026-11-23T16:00:00")));
        assertFalse(WEEKDAYS.isOpen(at("2026-11-25T12:00:00")), "lunch break");
        assertFalse(WEEKDAYS.isOpen(at("2026-11-24T10:00:00")), "Tuesday is closed");
    }

    @Test
    void nextOpening_shouldFindTheAfternoonPeriod_duringALunchBreak() {
        assertEquals(Optional.of(at("2026-11-25T12:30:00")), WEEKDAYS.nextOpening(at("2026-11-25T12:00:00")));
    }

    @Test
    void nextOpening_shouldSkipClosedDays() {
        assertEquals(Optional.of(at("2026-11-27T08:30:00")), WEEKDAYS.nextOpening(at("2026-11-25T16:30:00")));
        assertEquals(Optional.of(at("2026-11-30T08:30:00")), WEEKDAYS.nextOpening(at("2026-11-28T10:00:00")));
    }

    @Test
    void nextOpening_shouldBeEmpty_whenTheSiteNeverOpens() {
        assertEquals(Optional.empty(), new OpeningHours(Map.of()).nextOpening(at("2026-11-25T12:00:00")));
    }

    @Test
    void always_shouldBeOpenAtMidnightAndJustBefore() {
        assertTrue(OpeningHours.always().isOpen(at("2026-11-23T00:00:00")));
        assertTrue(OpeningHours.always().isOpen(at("2026-11-23T23:59:59")));
    }

    @Test
    void parse_shouldRefuseMalformedPeriods() {
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse(Map.of("MON", "8-16")));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse(Map.of("MON", "16:00-08:00")));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse(Map.of("XYZ", "08:00-16:00")));
    }
}
