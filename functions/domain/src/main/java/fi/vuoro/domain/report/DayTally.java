package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.VisitTraits;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A site's counts of one day for one combination of traits, as they were added up while the visits happened.
 *
 * @param joinedByHour visits by the local hour the visitor joined, 24 entries
 * @param waits        how many waited how many whole minutes to be called
 */
public record DayTally(LocalDate day, VisitTraits traits, long served, long noShows, long left, List<Long> joinedByHour,
                       Map<Integer, Long> waits, long interpreterRequests, long interpretersFound) {

    public DayTally {
        if (joinedByHour.size() != 24) {
            throw new IllegalArgumentException("A day has 24 hours");
        }
        joinedByHour = List.copyOf(joinedByHour);
        waits = Map.copyOf(waits);
    }
}
