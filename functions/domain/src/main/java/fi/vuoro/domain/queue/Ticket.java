package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A visitor's place in one site's queue for one service day. The phone number is never here in
 * the clear: {@code phoneHash} recognises the visitor, {@code phoneCipher} is kept only while an SMS
 * may still be owed. A walk-in without a phone has neither, only the name or initials staff typed.
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
        Instant expiresAt,
        Optional<Instant> calledAt,
        Optional<Instant> finishedAt,
        Optional<String> walkInName,
        boolean comeBackSent) {

    /** A new WAITING ticket of a visitor who joined by SMS. */
    public static Ticket joinedBySms(String siteId, ServiceDay day, int number, String code, String language,
                                     Optional<String> topic, boolean needsInterpreter, String phoneHash,
                                     String phoneCipher, Instant joinedAt, Instant expiresAt) {
        return new Ticket(siteId, day, number, code, TicketStatus.WAITING, language, topic, needsInterpreter,
                Optional.of(phoneHash), Optional.of(phoneCipher), joinedAt, Optional.empty(), expiresAt,
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** A new WAITING ticket staff added for a visitor at the desk, who may have no phone. */
    public static Ticket walkIn(String siteId, ServiceDay day, int number, String code, String name, String language,
                                Optional<String> topic, boolean needsInterpreter, Instant joinedAt, Instant expiresAt) {
        return new Ticket(siteId, day, number, code, TicketStatus.WAITING, language, topic, needsInterpreter,
                Optional.empty(), Optional.empty(), joinedAt, Optional.empty(), expiresAt,
                Optional.empty(), Optional.empty(), Optional.of(name), true);
    }

    public TicketRef ref() {
        return new TicketRef(siteId, day, number);
    }

    /** Whether an SMS can reach this visitor. */
    public boolean canBeTexted() {
        return phoneCipher.isPresent();
    }

    public Ticket withLanguage(String newLanguage) {
        return new Ticket(siteId, day, number, code, status, newLanguage, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, comeBackSent);
    }

    @Override
    public String toString() {
        return "Ticket[" + siteId + " " + day.date() + " " + code + " " + status + "]";
    }
}
