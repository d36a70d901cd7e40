package fi.vuoro.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffDirectory} does, whatever keeps the accounts: each implementation's test extends this with
 * a fresh, empty directory.
 */
public abstract class StaffDirectoryContract {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** Names no earlier test used, so implementations may keep one store for every test. */
    private final int n = NEXT.incrementAndGet();
    private final String kallio = "kallio" + n;
    private final String vallila = "vallila" + n;
    private final String mikko = "mikko" + n;
    private final String aino = "aino" + n;

    protected abstract StaffDirectory directory();

    private static Set<SiteMember> members(StaffDirectory directory, String siteId) {
        return directory.members(siteId).stream().collect(Collectors.toSet());
    }

    @Test
    void members_shouldBeNone_whenNobodyWasGivenTheSite() {
        assertEquals(List.of(), directory().members("nowhere" + n));
    }

    @Test
    void grant_shouldCreateTheAccountAndGiveTheRole_whenTheUsernameIsNewAndAnEmailIsGiven() {
        StaffDirectory directory = directory();
        StaffDirectory.Grant grant = directory.grant(kallio, mikko, SiteRole.STAFF, "mikko@example.org");
        assertTrue(grant.granted());
        assertTrue(grant.accountCreated());
        assertEquals(Set.of(new SiteMember(mikko, SiteRole.STAFF)), members(directory, kallio));
    }

    @Test
    void grant_shouldChangeNothing_whenTheUsernameIsNewAndNoEmailIsGiven() {
        StaffDirectory directory = directory();
        assertFalse(directory.grant(kallio, mikko, SiteRole.STAFF, null).granted());
        assertEquals(Set.of(), members(directory, kallio));
    }

    @Test
    void grant_shouldReplaceTheRole_andLeaveOtherSitesAlone_whenTheAccountExists() {
        StaffDirectory directory = directory();
        directory.grant(kallio, mikko, SiteRole.STAFF, "mikko@example.org");
        directory.grant(vallila, mikko, SiteRole.STAFF, null);
        StaffDirectory.Grant grant = directory.grant(kallio, mikko, SiteRole.COORDINATOR, "other@example.org");
        assertTrue(grant.granted());
        assertFalse(grant.accountCreated());
        assertEquals(Set.of(new SiteMember(mikko, SiteRole.COORDINATOR)), members(directory, kallio));
        assertEquals(Set.of(new SiteMember(mikko, SiteRole.STAFF)), members(directory, vallila));
        directory.grant(kallio, mikko, SiteRole.STAFF, null);
        assertEquals(Set.of(new SiteMember(mikko, SiteRole.STAFF)), members(directory, kallio));
    }

    @Test
    void revoke_shouldTakeOnlyThatSiteAway_andKeepTheAccount() {
        StaffDirectory directory = directory();
        directory.grant(kallio, mikko, SiteRole.COORDINATOR, "mikko@example.org");
        directory.grant(vallila, mikko, SiteRole.STAFF, null);
        directory.grant(kallio, aino, SiteRole.STAFF, "aino@example.org");
        directory.revoke(kallio, mikko);
        assertEquals(Set.of(new SiteMember(aino, SiteRole.STAFF)), members(directory, kallio));
        assertEquals(Set.of(new SiteMember(mikko, SiteRole.STAFF)), members(directory, vallila));
        directory.revoke(vallila, mikko);
        assertTrue(directory.grant(kallio, mikko, SiteRole.STAFF, null).granted(), "the account stays");
    }
}
