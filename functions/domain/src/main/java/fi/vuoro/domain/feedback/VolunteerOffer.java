package fi.vuoro.domain.feedback;

import java.time.Instant;

/**
 * A visitor's "I would like to help others as a community advisor": the contact they chose to give, with the
 * consent they ticked. Kept apart from every answer (nothing links the two) and only until {@code keepUntil}.
 */
public record VolunteerOffer(String siteId, String language, String contact, Instant consentedAt, Instant keepUntil) {

    public static final int MAX_CONTACT_LENGTH = 120;

    public VolunteerOffer {
        contact = contact == null ? "" : contact.strip();
        if (contact.isEmpty() || contact.length() > MAX_CONTACT_LENGTH) {
            throw new IllegalArgumentException("A contact is 1-" + MAX_CONTACT_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "VolunteerOffer[" + siteId + " " + language + "]";
    }
}
