package fi.vuoro.domain.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A visitor's place in one site's queue for one service day. The phone number is never here in
 * the clear: {@code phoneHash} recognises the visitor, {@code phoneCipher} is kept only while an SMS
 * may still be owed. A walk-in without a phone has neither, only the name or initials staff typed.
 *
 * <p>{@code unreachableBySms}: the visitor joined by SMS, but no SMS reaches them any more (they sent STOP, so Twilio
 * blocks every message to them, or Twilio refused their number): nothing is owed to them by SMS, and staff call
 * them by their code in the lobby.
 *
 * <p>{@code version} counts the changes written to the ticket: a change is written only onto the version it
 * was decided on, so two changes decided on the same state never both land.
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
        boolean comeBackSent,
        boolean unreachableBySms,
        int version) {

    /** A new WAITING ticket of a visitor who joined by SMS. */
    public static Ticket joinedBySms(String siteId, ServiceDay day, int number, String code, String language,
                                     Optional<String> topic, boolean needsInterpreter, String phoneHash,
                                     String phoneCipher, Instant joinedAt, Instant expiresAt) {
        return new Ticket(siteId, day, number, code, TicketStatus.WAITING, language, topic, needsInterpreter,
                Optional.of(phoneHash), Optional.of(phoneCipher), joinedAt, Optional.empty(), expiresAt,
                Optional.empty(), Optional.empty(), Optional.empty(), false, false, 0);
    }

    /** A new WAITING ticket staff added for a visitor at the desk, who may have no phone. */
    public static Ticket walkIn(String siteId, ServiceDay day, int number, String code, String name, String language,
                                Optional<String> topic, boolean needsInterpreter, Instant joinedAt, Instant expiresAt) {
        return new Ticket(siteId, day, number, code, TicketStatus.WAITING, language, topic, needsInterpreter,
                Optional.empty(), Optional.empty(), joinedAt, Optional.empty(), expiresAt,
                Optional.empty(), Optional.empty(), Optional.of(name), true, false, 0);
    }

    public TicketRef ref() {
        return new TicketRef(siteId, day, number);
    }

    /** Whether an SMS can reach this visitor: they gave a number, and nothing says SMS no longer reach it. */
    public boolean canBeTexted() {
        return phoneCipher.isPresent() && !unreachableBySms;
    }

    // The states a change can give a ticket. They only build the new state; which change is allowed when,
    // and what it owes, is TicketLifecycle's business.

    Ticket calledTo(String toDesk, Instant at) {
        return new Ticket(siteId, day, number, code, TicketStatus.CALLED, language, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, Optional.of(toDesk), expiresAt, Optional.of(at), Optional.empty(), walkInName,
                comeBackSent, unreachableBySms, version);
    }

    /** Ended (served, no-show, left): the number is forgotten, no SMS but the one the ending owes is sent. */
    Ticket ended(TicketStatus outcome, Instant at) {
        return new Ticket(siteId, day, number, code, outcome, language, topic, needsInterpreter, phoneHash,
                Optional.empty(), joinedAt, desk, expiresAt, calledAt, Optional.of(at), walkInName, comeBackSent,
                unreachableBySms, version);
    }

    Ticket waitingAgain() {
        return new Ticket(siteId, day, number, code, TicketStatus.WAITING, language, topic, needsInterpreter,
                phoneHash, phoneCipher, joinedAt, Optional.empty(), expiresAt, Optional.empty(), Optional.empty(),
                walkInName, comeBackSent, unreachableBySms, version);
    }

    Ticket toldToComeBack() {
        return new Ticket(siteId, day, number, code, status, language, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, true,
                unreachableBySms, version);
    }

    Ticket inLanguage(String newLanguage, boolean interpreterNeeded) {
        return new Ticket(siteId, day, number, code, status, newLanguage, topic, interpreterNeeded, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, comeBackSent,
                unreachableBySms, version);
    }

    /** Nothing of the visitor's phone is left: neither the hash that recognises it nor the encrypted copy. */
    Ticket withoutPhone() {
        return new Ticket(siteId, day, number, code, status, language, topic, needsInterpreter, Optional.empty(),
                Optional.empty(), joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, comeBackSent,
                unreachableBySms, version);
    }

    /** The same ticket, reachable by SMS or not. */
    Ticket reachableBySms(boolean reachable) {
        return new Ticket(siteId, day, number, code, status, language, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, comeBackSent, !reachable,
                version);
    }

    /** The same state, as it stands once written: one version on. */
    public Ticket nextVersion() {
        return new Ticket(siteId, day, number, code, status, language, topic, needsInterpreter, phoneHash,
                phoneCipher, joinedAt, desk, expiresAt, calledAt, finishedAt, walkInName, comeBackSent,
                unreachableBySms, version + 1);
    }

    @Override
    public String toString() {
        return "Ticket[" + siteId + " " + day.date() + " " + code + " " + status + " v" + version + "]";
    }
}
