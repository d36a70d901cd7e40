package fi.vuoro.domain.estimate;

import java.time.Duration;
import java.util.List;

/**
 * Estimates how long a visitor will wait, as a range. With enough recent real service times it uses
 * their quartiles (the typical fast and slow visit); otherwise the site's default service time with
 * a generous spread. Pure: no clock, no storage.
 */
public final class WaitEstimator {

    /** Fewer real samples than this say little; the site's default is more honest then. */
    public static final int MIN_SAMPLES = 5;
    /** Only the most recent samples describe today's pace. */
    public static final int MAX_SAMPLES = 20;
    private static final int ROUND_TO_MINUTES = 5;
    private static final int MAX_MINUTES = 600;
    private static final double DEFAULT_LOW_FACTOR = 0.7;
    private static final double DEFAULT_HIGH_FACTOR = 1.4;

    private WaitEstimator() {
    }

    /**
     * @param peopleAhead      waiting visitors ahead of this one
     * @param history          recent service times and active desks of the site
     * @param defaultService   the site's configured service time per visitor
     * @param configuredDesks  the site's desk count, used while no desk is known to be active
     */
    public static WaitRange estimate(int peopleAhead, ServiceHistory history, Duration defaultService,
                                     int configuredDesks) {
        if (peopleAhead < 0) {
            throw new IllegalArgumentException("peopleAhead cannot be negative");
        }
        int desks = Math.max(1, history.activeDesks() > 0 ? history.activeDesks() : configuredDesks);
        double fastMinutes;
        double slowMinutes;
        List<Duration> samples = recent(history.recentServiceTimes());
        if (samples.size() >= MIN_SAMPLES) {
            double[] minutes = samples.stream().mapToDouble(d -> d.toSeconds() / 60.0).sorted().toArray();
            fastMinutes = quantile(minutes, 0.25);
            slowMinutes = quantile(minutes, 0.75);
        } else {
            double typical = defaultService.toSeconds() / 60.0;
            fastMinutes = typical * DEFAULT_LOW_FACTOR;
            slowMinutes = typical * DEFAULT_HIGH_FACTOR;
        }
        // The visitor waits for those ahead to be served; a desk may also be mid-visit, hence the +1 on the slow side.
        double low = peopleAhead * fastMinutes / desks;
        double high = (peopleAhead + 1) * slowMinutes / desks;
        int min = Math.min(roundDown(low), MAX_MINUTES - ROUND_TO_MINUTES);
        int max = Math.min(Math.max(roundUp(high), min + ROUND_TO_MINUTES), MAX_MINUTES);
        return new WaitRange(min, max);
    }

    private static List<Duration> recent(List<Duration> all) {
        return all.size() <= MAX_SAMPLES ? all : all.subList(all.size() - MAX_SAMPLES, all.size());
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private static int roundDown(double minutes) {
        return (int) (Math.floor(minutes / ROUND_TO_MINUTES) * ROUND_TO_MINUTES);
    }

    private static int roundUp(double minutes) {
        return (int) (Math.ceil(minutes / ROUND_TO_MINUTES) * ROUND_TO_MINUTES);
    }
}
