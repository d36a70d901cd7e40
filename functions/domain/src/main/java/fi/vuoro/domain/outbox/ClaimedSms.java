package fi.vuoro.domain.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * A message one dispatcher holds for one attempt. {@code claimToken} proves the claim when its outcome is
 * recorded (a dispatcher whose lease ran out cannot overwrite the next one's work); {@code attempt} counts
 * this attempt; {@code unsureSince} is set when an earlier attempt may have reached Twilio, from the start
 * of the earliest such attempt.
 */
public record ClaimedSms(OutboundSms sms, String claimToken, int attempt, Optional<Instant> unsureSince) {

    public String id() {
        return sms.id();
    }

    @Override
    public String toString() {
        return "ClaimedSms[" + sms.id() + " attempt " + attempt + (unsureSince.isPresent() ? ", unsure" : "") + "]";
    }
}
