package fi.vuoro.domain.sms;

import java.time.Instant;
import java.util.Optional;

/** Remembers the reply given to each inbound message, so a redelivered message changes nothing. */
public interface ReplyLog {

    Optional<String> find(String messageId, Instant now);

    /**
     * Stores the reply unless one is already stored for the message.
     *
     * @return the reply that is stored now: this one, or the one stored first
     */
    String saveIfAbsent(String messageId, String reply, Instant expiresAt);
}
