package fi.vuoro.domain.staff;

import java.util.HashSet;
import java.util.Set;

/**
 * A signed-in member of staff: the sites whose queues they run, and the sites they coordinate (a coordinator of a
 * site is also its staff: they manage its interpreters, settings and accounts, and read its reports).
 */
public record StaffMember(String username, Set<String> siteIds, Set<String> coordinatorSiteIds) {

    public StaffMember {
        Set<String> all = new HashSet<>(siteIds);
        all.addAll(coordinatorSiteIds);
        siteIds = Set.copyOf(all);
        coordinatorSiteIds = Set.copyOf(coordinatorSiteIds);
    }

    /** Staff of these sites, coordinating none. */
    public StaffMember(String username, Set<String> siteIds) {
        this(username, siteIds, Set.of());
    }

    /** Staff of one site cannot read or change another site's queue. */
    public void requireSite(String siteId) {
        if (!siteIds.contains(siteId)) {
            throw new SiteAccessDeniedException(siteId);
        }
    }

    /** What only a coordinator of the site may do. */
    public void requireCoordinator(String siteId) {
        requireSite(siteId);
        if (!coordinatorSiteIds.contains(siteId)) {
            throw new SiteAccessDeniedException(siteId, "Only a coordinator of site " + siteId + " can do this");
        }
    }

    public boolean coordinates(String siteId) {
        return coordinatorSiteIds.contains(siteId);
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + " " + siteIds + " coordinating " + coordinatorSiteIds + "]";
    }
}
