package fi.vuoro.domain.feedback;

import java.time.Instant;

/**
 * The open invitation behind one feedback link, found by the hash of its token (the token itself is stored
 * nowhere). It holds what the answer will carry, and no more: the site, the service week and the visit's traits.
 * It is deleted when answered, and forgotten when it expires.
 */
public record FeedbackInvitation(String tokenHash, String siteId, ServiceWeek week, VisitTraits traits,
                                 Instant expiresAt) {

    public boolean isOpen(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "FeedbackInvitation[" + siteId + " " + week + "]";
    }
}
