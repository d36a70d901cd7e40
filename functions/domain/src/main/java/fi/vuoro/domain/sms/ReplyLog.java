package fi.vuoro.domain.sms;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the reply given to each inbound message, so a redelivered message changes nothing. Replies are kept with
 * their sender's other records (by the number's hash), so that erasing the sender erases them too.
 */
public interface ReplyLog {

    Optional<String> find(String phoneHash, String messageId, Instant now);

    /**
     * Stores the reply unless one is already stored for the message.
     *
     * @return the reply that is stored now: this one, or the one stored first
     */
    String saveIfAbsent(String phoneHash, String messageId, String reply, Instant expiresAt);
}
