package fi.vuoro.domain.queue;

import fi.vuoro.domain.visitor.VisitorProfile;
import java.time.Instant;

/**
 * What a join by SMS writes together with its ticket, all or nothing: the visitor's profile (the language the ticket
 * is in) and the reply to the message that joined, so that a redelivery of that message finds the same answer.
 */
public record JoinWrites(VisitorProfile profile, Instant profileExpiresAt, String messageId, String reply,
                         Instant replyExpiresAt) {
}
