package fi.vuoro.domain.queue;

/**
 * How far a site's service day has got, as staff see it: the last ticket number taken, and how many times anything
 * else they see was written (a ticket's change, a walk-in, a desk, an interpreter request, the site's settings).
 * Two reads with equal versions show the same queue, once every number taken is a ticket in the view (a join takes
 * its number before it writes its ticket: see {@link QueueDay#settledUpTo}).
 */
public record DayVersion(int lastNumber, long changes) {

    public static final DayVersion NOTHING_YET = new DayVersion(0, 0);

    /** Nothing was written for the day yet: no number taken, no change. */
    public boolean nothingYet() {
        return lastNumber == 0 && changes == 0;
    }
}
