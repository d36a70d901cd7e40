package fi.vuoro.platform.auth;

import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.StaffMember;

/** Turns a staff request's {@code Authorization} header into the signed-in member of staff. */
public interface StaffAuthenticator {

    /**
     * @param authorizationHeader the header as sent, e.g. {@code Bearer eyJ...}; may be null
     * @throws NotSignedInException if there is no valid, unexpired token from the configured issuer
     */
    StaffMember authenticate(String authorizationHeader);
}
