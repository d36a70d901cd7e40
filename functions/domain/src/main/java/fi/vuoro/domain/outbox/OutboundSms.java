package fi.vuoro.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMS Vuoro owes a visitor, written to the outbox in the same transaction as the change that
 * caused it, so it is never lost; its {@code id} is derived from that change, so writing it twice
 * stores it once and it is never sent twice. The number stays encrypted until the moment of sending.
 *
 * <p>It is worth sending only until {@code validUntil}, and only while its {@code premise} (if any) still holds;
 * otherwise the dispatcher drops it with the reason. Its record is kept until {@code keepUntil}: a visitor's
 * message no longer than the visit it belongs to.
 */
public record OutboundSms(String id, String siteId, String toCipher, String from, String body, Instant createdAt,
                          Instant validUntil, Optional<Premise> premise, Instant keepUntil) {

    /** How long a message without a stated lifetime is worth sending. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    /** Sent or not, an outbox record is of no use after a week. */
    public static final Duration DEFAULT_KEEP = Duration.ofDays(7);

    public OutboundSms {
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(premise, "premise");
        Objects.requireNonNull(keepUntil, "keepUntil");
    }

    /** A message whose record is kept for {@link #DEFAULT_KEEP}. */
    public OutboundSms(String id, String siteId, String toCipher, String from, String body, Instant createdAt,
                       Instant validUntil, Optional<Premise> premise) {
        this(id, siteId, toCipher, from, body, createdAt, validUntil, premise, createdAt.plus(DEFAULT_KEEP));
    }

    /** A message that stays worth sending for {@link #DEFAULT_LIFETIME}, whatever happens meanwhile. */
    public OutboundSms(String id, String siteId, String toCipher, String from, String body, Instant createdAt) {
        this(id, siteId, toCipher, from, body, createdAt, createdAt.plus(DEFAULT_LIFETIME), Optional.empty());
    }

    @Override
    public String toString() {
        return "OutboundSms[" + id + "]";
    }
}
