package fi.vuoro.domain.estimate;

/** An honest wait: a range in whole minutes, never a single false-precise number. */
public record WaitRange(int minMinutes, int maxMinutes) {

    public WaitRange {
        if (minMinutes < 0 || maxMinutes <= minMinutes) {
            throw new IllegalArgumentException("A wait range runs from a lower to a higher minute count");
        }
    }
}
