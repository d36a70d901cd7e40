package fi.vuoro.domain.staff;

/** A member of staff asked for a site they do not belong to, or for what only its coordinators may do. */
public class SiteAccessDeniedException extends RuntimeException {

    public SiteAccessDeniedException(String siteId) {
        super("You do not have access to site " + siteId);
    }

    public SiteAccessDeniedException(String siteId, String message) {
        super(message);
    }
}
