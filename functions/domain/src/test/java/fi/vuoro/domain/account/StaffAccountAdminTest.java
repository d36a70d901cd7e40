package fi.vuoro.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountAdminTest {

    private static final StaffMember MERVI = new StaffMember("mervi", Set.of(), Set.of("kallio"));
    private static final StaffMember ANNA = new StaffMember("anna", Set.of("kallio"));

    private final InMemoryStaffDirectory directory = new InMemoryStaffDirectory()
            .withAccount("mervi", "kallio", SiteRole.COORDINATOR)
            .withAccount("anna", "kallio", SiteRole.STAFF)
            .withAccount("olli", "vallila", SiteRole.STAFF);
    private final List<AccountChange> told = new ArrayList<>();
    private final StaffAccountAdmin admin = new StaffAccountAdmin(directory, List.of(told::add));

    private StaffRequestException refused(Runnable call) {
        return assertThrows(StaffRequestException.class, call::run);
    }

    @Test
    void members_shouldListCoordinatorsFirstThenByName_forTheSitesCoordinator() {
        directory.withAccount("aapo", "kallio", SiteRole.STAFF);
        assertEquals(List.of(new SiteMember("mervi", SiteRole.COORDINATOR), new SiteMember("aapo", SiteRole.STAFF),
                new SiteMember("anna", SiteRole.STAFF)), admin.members(MERVI, "kallio"));
    }

    @Test
    void everyAction_shouldBeRefused_whenTheCallerDoesNotCoordinateTheSite() {
        assertThrows(SiteAccessDeniedException.class, () -> admin.members(ANNA, "kallio"));
        assertThrows(SiteAccessDeniedException.class, () -> admin.put(ANNA, "kallio", "mikko", "staff", "m@example.org"));
        assertThrows(SiteAccessDeniedException.class, () -> admin.remove(ANNA, "kallio", "anna"));
        assertThrows(SiteAccessDeniedException.class, () -> admin.put(MERVI, "vallila", "mikko", "staff", null));
        assertEquals(List.of(), told);
        assertFalse(directory.hasAccount("mikko"));
    }

    @Test
    void put_shouldCreateTheAccountAndTellTheListeners_whenTheUsernameIsNew() {
        StaffAccountAdmin.Changed changed = admin.put(MERVI, "kallio", " Mikko ", "staff", "mikko@example.org");
        assertEquals(new SiteMember("mikko", SiteRole.STAFF), changed.member());
        assertTrue(changed.newToSite());
        assertTrue(changed.accountCreated());
        assertEquals("initial-1", changed.initialPassword());
        assertEquals(List.of(new AccountChange("kallio", "mervi", "mikko", null, SiteRole.STAFF, true)), told);
    }

    @Test
    void put_shouldChangeTheRole_withoutAnEmail_whenTheAccountExists() {
        StaffAccountAdmin.Changed changed = admin.put(MERVI, "kallio", "anna", "coordinator", null);
        assertFalse(changed.newToSite());
        assertFalse(changed.accountCreated());
        assertNull(changed.initialPassword());
        assertEquals(List.of(new AccountChange("kallio", "mervi", "anna", SiteRole.STAFF, SiteRole.COORDINATOR,
                false)), told);
    }

    @Test
    void put_shouldAddAnAccountOfAnotherSite_withoutAnEmail() {
        assertTrue(admin.put(MERVI, "kallio", "olli", "staff", null).newToSite());
        assertTrue(admin.members(MERVI, "kallio").contains(new SiteMember("olli", SiteRole.STAFF)));
    }

    @Test
    void put_shouldRefuseNamingTheEmail_whenTheUsernameIsNewAndNoEmailIsGiven() {
        assertTrue(refused(() -> admin.put(MERVI, "kallio", "mikko", "staff", " ")).getMessage().startsWith("email:"));
        assertTrue(refused(() -> admin.put(MERVI, "kallio", "mikko", "staff", "not-an-address")).getMessage()
                .startsWith("email:"));
        assertFalse(directory.hasAccount("mikko"));
        assertEquals(List.of(), told);
    }

    @Test
    void put_shouldRefuseNamingTheField_whenTheRoleOrUsernameIsNotValid() {
        for (String role : new String[] {null, "", "admin", "site-kallio"}) {
            StaffRequestException e = refused(() -> admin.put(MERVI, "kallio", "mikko", role, "m@example.org"));
            assertEquals(StaffRequestException.Reason.INVALID, e.reason());
            assertTrue(e.getMessage().startsWith("role:"), e.getMessage());
        }
        for (String username : new String[] {null, "", "m", "mikko k", "mikko@example.org", "-mikko", "a".repeat(41)}) {
            StaffRequestException e = refused(() -> admin.put(MERVI, "kallio", username, "staff", "m@example.org"));
            assertTrue(e.getMessage().startsWith("username:"), e.getMessage());
        }
        assertEquals(List.of(), told);
    }

    @Test
    void put_shouldRefuse_whenTheCoordinatorWouldMakeThemselvesStaff() {
        assertTrue(refused(() -> admin.put(MERVI, "kallio", "MERVI", "staff", null)).getMessage().startsWith("role:"));
        assertEquals(List.of(new SiteMember("mervi", SiteRole.COORDINATOR)),
                admin.members(MERVI, "kallio").subList(0, 1));
    }

    @Test
    void remove_shouldTakeTheSiteAwayAndTellTheListeners() {
        admin.remove(MERVI, "kallio", "anna");
        assertEquals(List.of(new SiteMember("mervi", SiteRole.COORDINATOR)), admin.members(MERVI, "kallio"));
        assertEquals(List.of(new AccountChange("kallio", "mervi", "anna", SiteRole.STAFF, null, false)), told);
        assertTrue(directory.hasAccount("anna"), "the account stays");
    }

    @Test
    void remove_shouldBeNotFound_whenTheUsernameIsNoMemberOfTheSite() {
        StaffRequestException e = refused(() -> admin.remove(MERVI, "kallio", "olli"));
        assertEquals(StaffRequestException.Reason.NOT_FOUND, e.reason());
        assertEquals(List.of(), told);
    }

    @Test
    void remove_shouldRefuse_whenTheCoordinatorWouldRemoveThemselves() {
        assertTrue(refused(() -> admin.remove(MERVI, "kallio", "mervi")).getMessage().startsWith("username:"));
        assertEquals(2, admin.members(MERVI, "kallio").size());
    }
}
