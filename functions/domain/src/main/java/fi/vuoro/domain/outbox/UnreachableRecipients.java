package fi.vuoro.domain.outbox;

import java.time.Instant;

/**
 * Told when Twilio refuses an owed SMS because its recipient cannot be texted (they opted out with STOP, or the
 * number takes no SMS), so that the capability that owed it stops owing them SMS and tells staff.
 */
public interface UnreachableRecipients {

    /** The recipient of {@code sms} cannot be texted. Never throws for what it cannot record. */
    void unreachable(OutboundSms sms, Instant now);

    static UnreachableRecipients none() {
        return (sms, now) -> {
        };
    }
}
