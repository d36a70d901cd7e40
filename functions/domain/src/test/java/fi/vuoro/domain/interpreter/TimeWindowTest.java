package fi.vuoro.domain.interpreter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    @Test
    void timeWindow_shouldBeRefused_whenItEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(LocalTime.of(16, 0), LocalTime.of(12, 0)));
    }

    @Test
    void timeWindow_shouldBeRefused_whenItIsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new TimeWindow(LocalTime.NOON, LocalTime.NOON));
    }

    @Test
    void timeWindow_shouldBeAccepted_whenItRunsForwards() {
        assertDoesNotThrow(() -> new TimeWindow(LocalTime.of(9, 30), LocalTime.of(13, 0)));
    }
}
