package fi.vuoro.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of owed SMS. Messages are written by the change that owes them (together with it); this port
 * is how they are sent exactly once: listed when due, claimed by one dispatcher at a time, paced per
 * sending number, and their outcome recorded. Every write is conditional, so dispatchers running side by
 * side never send the same message twice and never undo each other's work.
 */
public interface OutboxStore {

    /** Messages whose next attempt is due at {@code now}, oldest first, at most {@code limit}. */
    List<DueSms> due(Instant now, int limit);

    /** When the earliest message still waiting for an attempt is due (perhaps already), if any. */
    Optional<Instant> nextDueAt();

    /**
     * Claims a due message for one attempt, until {@code leaseUntil}. A message whose previous claim ran
     * out while SENDING is claimed as unsure: that attempt may have reached Twilio.
     *
     * @return empty if the message is no longer due (another dispatcher claimed or finished it)
     */
    Optional<ClaimedSms> claim(String id, Instant now, Instant leaseUntil);

    /** Gives a claimed message back without an attempt (its number's send slot did not come in time). */
    void release(ClaimedSms claim, Instant dueAt);

    /**
     * Takes the sending number's send slot if it is free at {@code now}, keeping it for {@code interval}, and in the
     * same atomic write one send of the site's hourly {@code allowance}: neither is taken unless both are there, so
     * dispatchers side by side never send more than the cap between them.
     */
    SendSlot takeSendSlot(String from, Instant now, Duration interval, SiteSendCap.Allowance allowance);

    /** Twilio accepted the message: SENT, out of the due list, and the visitor's number forgotten. */
    void markSent(ClaimedSms claim, String providerId, Instant now);

    /**
     * The attempt failed without a result: PENDING again, due at {@code nextAttemptAt}. {@code unsureSince}
     * is kept when an attempt may have reached Twilio, so the next one first asks Twilio.
     */
    void retryLater(ClaimedSms claim, Instant nextAttemptAt, String reason, Optional<Instant> unsureSince);

    /** Vuoro gives up on the message: FAILED, out of the due list, and the visitor's number forgotten. */
    void markFailed(ClaimedSms claim, String reason, Instant now);

    /**
     * The message is no longer worth sending (its time passed, or what it announces is no longer true): DROPPED,
     * never sent, out of the due list, and the visitor's number forgotten.
     */
    void markDropped(ClaimedSms claim, String reason, Instant now);

    /**
     * A delivery status reported by Twilio, applied only if it moves the message forward (see
     * {@link OutboxStatus#rank()}).
     *
     * @return false if the message is unknown or already as far or further
     */
    boolean recordDelivery(String id, OutboxStatus status, Instant now);
}
