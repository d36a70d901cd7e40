package fi.vuoro.domain.site;

import java.time.Duration;

/**
 * How a site finds interpreters: how many are asked at once (a wave), how long they have to answer before the next
 * wave is asked, and whether a confirmed interpreter is ready at once (interpreting by phone) or only once they are
 * at the site.
 */
public record InterpreterPolicy(int waveSize, Duration replyTimeout, boolean readyOnConfirmation) {

    public static final InterpreterPolicy DEFAULT = new InterpreterPolicy(2, Duration.ofMinutes(5), false);

    public InterpreterPolicy {
        if (waveSize < 1 || waveSize > 10) {
            throw new IllegalArgumentException("A wave asks 1 to 10 interpreters at once");
        }
        if (replyTimeout == null || replyTimeout.compareTo(Duration.ofMinutes(1)) < 0
                || replyTimeout.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("Interpreters are given 1 minute to 2 hours to answer");
        }
    }
}
