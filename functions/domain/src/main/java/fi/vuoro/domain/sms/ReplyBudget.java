package fi.vuoro.domain.sms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How many counted replies one sender gets per clock hour, across every site. An auto-responder on another number
 * answers each of our replies, and we answer each of its messages, for ever, at our cost: past the budget the sender
 * is silenced until the hour ends. Its messages are still handled (a join still joins), only no reply goes back, and
 * as an auto-responder only speaks when spoken to, the loop stops.
 *
 * <p>Counted are the replies a loop is made of: answers to text that was no command (help, the language or topic
 * menu again) and answers to changes (leave, language, an interpreter's or a feedback answer). A join's ticket and the
 * answers to a question (status, help) are not counted, so a visitor is never silenced by using the service as
 * meant; they are silenced too once the budget is spent.
 *
 * @param perHour counted replies a sender gets in one clock hour
 */
public record ReplyBudget(int perHour) {

    /** A real visitor makes a few mistakes and changes a thing or two; a loop makes one reply every few seconds. */
    public static final ReplyBudget DEFAULT = new ReplyBudget(15);
    static final Duration WINDOW = Duration.ofHours(1);

    public ReplyBudget {
        if (perHour < 1) {
            throw new IllegalArgumentException("a sender's reply budget must be at least 1 per hour, got " + perHour);
        }
    }

    /** The window {@code now} falls in: its clock hour (UTC). */
    public static Instant windowOf(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS);
    }

    /** When the window of {@code now} ends, and its count is of no use any more. */
    public static Instant windowEnd(Instant now) {
        return windowOf(now).plus(WINDOW);
    }

    /** What a sender who has had {@code counted} replies this hour gets now. */
    public Verdict verdict(int counted) {
        if (counted < perHour) {
            return Verdict.ANSWER;
        }
        return counted == perHour ? Verdict.SILENCE_NOW : Verdict.SILENT;
    }

    /** Whether a sender is answered. */
    public enum Verdict {
        /** Within the budget: answered. */
        ANSWER,
        /** The budget has just been spent: this message is the first not answered (logged once). */
        SILENCE_NOW,
        /** Silenced earlier in the hour: not answered, nothing more to record. */
        SILENT;

        public boolean answers() {
            return this == ANSWER;
        }
    }
}
