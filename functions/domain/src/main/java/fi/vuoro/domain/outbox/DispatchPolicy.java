package fi.vuoro.domain.outbox;

import java.time.Duration;

/**
 * How the dispatcher paces, retries and gives up.
 *
 * @param sendInterval    at most one message per this interval from each sending number (Twilio sends about
 *                        one SMS segment per second from a long code)
 * @param firstRetry      the wait after a first failed attempt; it doubles with each further attempt
 * @param maxRetry        the longest wait between attempts
 * @param maxAttempts     sends tried before the message is FAILED
 * @param ambiguityWindow how long after an attempt without an answer Twilio is asked whether it took the
 *                        message; longer than Twilio may still be working on a request we gave up on
 * @param requestTimeout  the longest one request to Twilio may take (the gateway's own limit)
 */
public record DispatchPolicy(Duration sendInterval, Duration firstRetry, Duration maxRetry, int maxAttempts,
                             Duration ambiguityWindow, Duration requestTimeout) {

    public static final DispatchPolicy DEFAULTS = new DispatchPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofMinutes(5), 8, Duration.ofSeconds(60), Duration.ofSeconds(5));

    public DispatchPolicy {
        requirePositive(sendInterval, "sendInterval");
        requirePositive(firstRetry, "firstRetry");
        requirePositive(maxRetry, "maxRetry");
        requirePositive(ambiguityWindow, "ambiguityWindow");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("maxRetry must not be shorter than firstRetry");
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first): {@code firstRetry} doubled per
     * further attempt, at most {@code maxRetry}, then scaled into its upper half by {@code jitter} (0 to 1)
     * so that messages failing together do not all come back together.
     */
    public Duration retryDelay(int attempt, double jitter) {
        long first = firstRetry.toMillis();
        long cap = maxRetry.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        long delay = doublings >= Long.numberOfLeadingZeros(first) - 1 ? cap : Math.min(cap, first << doublings);
        double scale = 0.5 + 0.5 * Math.min(Math.max(jitter, 0.0), 1.0);
        return Duration.ofMillis(Math.max(1, Math.round(delay * scale)));
    }

    /**
     * How long a claim lasts: long enough for a lookup and a send, and for a message whose dispatcher
     * vanished mid-send to be looked up at Twilio only after the ambiguity window.
     */
    public Duration lease() {
        return requestTimeout.multipliedBy(2).plus(ambiguityWindow);
    }

    /** Time kept free at the end of a drain so that a started attempt (lookup and send) always finishes. */
    public Duration attemptReserve() {
        return requestTimeout.multipliedBy(2);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
