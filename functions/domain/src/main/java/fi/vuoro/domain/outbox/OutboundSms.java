package fi.vuoro.domain.outbox;

import java.time.Instant;

/**
 * An SMS Vuoro owes a visitor, written to the outbox in the same transaction as the change that
 * caused it, so it is never lost; its {@code id} is derived from that change, so writing it twice
 * stores it once and it is never sent twice. The number stays encrypted until the moment of sending.
 */
public record OutboundSms(String id, String siteId, String toCipher, String from, String body, Instant createdAt) {

    @Override
    public String toString() {
        return "OutboundSms[" + id + "]";
    }
}
