package fi.vuoro.domain.sms;

import fi.vuoro.domain.site.Site;
import java.time.Duration;
import java.time.Instant;

/**
 * One inbound message as a conversation sees it: its id (Twilio's MessageSid), the site it was sent to, the sender's
 * number (to encrypt when an SMS will be owed; never logged) and its keyed hash (to recognise them), the text, when it
 * came, and what was stored about the sender when it came.
 */
public record SmsTurn(String messageId, Site site, String phoneNumber, String phoneHash, String body, Instant now,
                      SenderRecords known) {

    /** Twilio redelivers within minutes; two days covers any retry with room to spare. */
    static final Duration REPLY_MEMORY = Duration.ofDays(2);

    /** Until when the reply to this message is remembered: it speaks of the visit, so no longer than the site keeps it. */
    public Instant replyExpiresAt() {
        return now.plus(replyMemory(site));
    }

    static Duration replyMemory(Site site) {
        return site.retention().compareTo(REPLY_MEMORY) < 0 ? site.retention() : REPLY_MEMORY;
    }

    @Override
    public String toString() {
        return "SmsTurn[site=" + site.id() + "]";
    }
}
