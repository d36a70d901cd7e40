package fi.vuoro.domain.sms;

import java.time.Instant;

/** Counts the replies sent to a sender in the budget's window (read back with the sender's records). */
public interface ReplyCounter {

    /**
     * One more reply to the sender (by their number's keyed hash) in the window starting at {@code window}; the count
     * is forgotten at {@code expiresAt}.
     */
    void count(String phoneHash, Instant window, Instant expiresAt);
}
