package fi.vuoro.domain.interpreter;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What an interpreter said by SMS about one day: available ("IN", or "IN 12-16" for a window), or away ("OUT").
 * It overrides their weekly availability for that date only.
 */
public record AvailabilityToday(LocalDate date, boolean available, Optional<TimeWindow> window) {

    public boolean covers(LocalTime time) {
        return available && window.map(w -> !time.isBefore(w.from()) && time.isBefore(w.to())).orElse(true);
    }
}
