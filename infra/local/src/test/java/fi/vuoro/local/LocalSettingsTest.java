package fi.vuoro.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {

    private static LocalSettings on(Clock clock) {
        return new LocalSettings(LocalSettings.DEFAULT_PORT, LocalSettings.DEV_TWILIO_AUTH_TOKEN, clock);
    }

    @Test
    void onMachineClock_shouldHoldForTheSystemClockInAnyZone() {
        assertTrue(on(Clock.systemUTC()).onMachineClock());
        assertTrue(on(Clock.system(ZoneId.of("Europe/Helsinki"))).onMachineClock());
    }

    /** A test's clock, set to a day DynamoDB Local's machine clock has left behind. */
    @Test
    void onMachineClock_shouldNotHoldForAClockOfItsOwn() {
        assertFalse(on(new MutableClock(Instant.parse("2026-11-24T10:00:00Z"))).onMachineClock());
        assertFalse(on(Clock.fixed(Instant.now(), ZoneId.of("UTC"))).onMachineClock());
    }
}
