package fi.vuoro.domain.sms;

import fi.vuoro.domain.site.Site;
import java.time.Instant;

/**
 * One inbound message as a conversation sees it: the site it was sent to, the sender's number (to encrypt when an
 * SMS will be owed; never logged) and its keyed hash (to recognise them), the text, and when it came.
 */
public record SmsTurn(Site site, String phoneNumber, String phoneHash, String body, Instant now) {

    @Override
    public String toString() {
        return "SmsTurn[site=" + site.id() + "]";
    }
}
