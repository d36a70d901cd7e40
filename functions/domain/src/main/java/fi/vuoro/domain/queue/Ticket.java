package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A visitor's place in one site's queue for one service day. The phone number is never here in
 * the clear: {@code phoneHash} recognises the visitor, {@code phoneCipher} is kept only while an SMS
 * may still be owed.
 */
public record Ticket(
        String siteId,
        ServiceDay day,
        int number,
        String code,
        TicketStatus status,
        String language,
        Optional<String> topic,
        boolean needsInterpreter,
        Optional<String> phoneHash,
        Optional<String> phoneCipher,
        Instant joinedAt,
        Optional<String> desk,
        Instant expiresAt) {

    public TicketRef ref() {
        return new TicketRef(siteId, day, number);
    }

    public Ticket withLanguage(String newLanguage) {
        return new Ticket(siteId, day, number, code, status, newLanguage, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt);
    }
}
