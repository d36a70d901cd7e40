package fi.vuoro.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * At most so many outbox SMS per site per clock hour. A flood of junk joins would otherwise cost a "your turn" and a
 * "no-show" SMS each; past the cap a site's messages are held until the next hour opens (not lost: a held message is
 * sent then if still worth sending, else dropped with its reason, as any message that waited), and an alarm goes
 * off. The cap counts send attempts, taken with the sending number's send slot.
 *
 * <p>The default, 500 an hour, is far beyond a real busy morning: ten desks serving a visitor each every ten minutes
 * are 60 visits an hour, each owed at most a come-back notice, a "your turn", a no-show notice and a feedback
 * invitation (240), with interpreter offers on top; and a long code sends about one SMS a second (3,600 an hour).
 *
 * @param perHour outbox SMS one site may send in a clock hour
 */
public record SiteSendCap(int perHour) {

    public static final SiteSendCap DEFAULT = new SiteSendCap(500);
    private static final Duration WINDOW = Duration.ofHours(1);

    public SiteSendCap {
        if (perHour < 1) {
            throw new IllegalArgumentException("a site's SMS cap must be at least 1 per hour, got " + perHour);
        }
    }

    /** What the site may still send in the hour of {@code now}: the store counts against it atomically. */
    public Allowance allowance(String siteId, Instant now) {
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        return new Allowance(siteId, perHour, window, window.plus(WINDOW));
    }

    /**
     * One site's hour: at most {@code perHour} sends between {@code window} and {@code windowEnd}.
     */
    public record Allowance(String siteId, int perHour, Instant window, Instant windowEnd) {
    }
}
