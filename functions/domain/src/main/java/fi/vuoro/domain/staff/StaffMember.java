package fi.vuoro.domain.staff;

import java.util.Set;

/** A signed-in member of staff and the sites whose queues they run. */
public record StaffMember(String username, Set<String> siteIds) {

    public StaffMember {
        siteIds = Set.copyOf(siteIds);
    }

    /** Staff of one site cannot read or change another site's queue. */
    public void requireSite(String siteId) {
        if (!siteIds.contains(siteId)) {
            throw new SiteAccessDeniedException(siteId);
        }
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + " " + siteIds + "]";
    }
}
