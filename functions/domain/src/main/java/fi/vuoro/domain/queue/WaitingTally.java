package fi.vuoro.domain.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The count of WAITING tickets a store keeps beside a site's day, as read with the day: {@code waiting}, the numbers
 * drawn so far and when the last was drawn. Every change into or out of WAITING moves it in the same write as the
 * ticket; only a join that stopped between drawing its number and writing its ticket leaves it one too high, which
 * {@link #correction} finds. {@code changes} is how many changes the day had seen (its {@link DayVersion}) when it was
 * read: a correction is stored only if no ticket moved since, not even in moves that cancel out in the count (a call
 * and its putting back), as the tickets it was counted from may have been read in between.
 */
public record WaitingTally(int waiting, int drawn, Optional<Instant> lastDrawAt, long changes) {

    /** A join writes its ticket within moments of its draw; after this long a draw without a ticket is abandoned. */
    public static final Duration SETTLED = Duration.ofMinutes(1);

    /**
     * The count to store instead, when it differs from the tickets the day holds ({@code actual}) and no draw may
     * still be on its way to its ticket (none within {@link #SETTLED}); empty when it is right or cannot be judged now.
     */
    public Optional<Integer> correction(int actual, Instant now) {
        boolean settled = lastDrawAt.map(at -> at.plus(SETTLED).isBefore(now)).orElse(true);
        return settled && waiting != actual ? Optional.of(actual) : Optional.empty();
    }
}
