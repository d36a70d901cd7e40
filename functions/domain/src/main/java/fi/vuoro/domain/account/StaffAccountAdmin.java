package fi.vuoro.domain.account;

import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.domain.staff.StaffRequestException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a coordinator does with the staff of a site they coordinate: list them with their roles, add someone (creating
 * the account when the username is new) or change their role, and remove them. A coordinator cannot demote or remove
 * themselves, so a site always keeps the coordinator who made the change. Every change is told to the listeners.
 */
public final class StaffAccountAdmin {

    /** 2-40 characters: lower-case letters, digits, dots, dashes and underscores, starting with a letter or digit. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_EMAIL = 254;

    /** The member as changed, whether they were new to the site, and what a new account's owner needs to sign in. */
    public record Changed(SiteMember member, boolean newToSite, boolean accountCreated, String initialPassword) {
    }

    private final StaffDirectory directory;
    private final List<AccountChangeListener> listeners;

    public StaffAccountAdmin(StaffDirectory directory, List<AccountChangeListener> listeners) {
        this.directory = directory;
        this.listeners = List.copyOf(listeners);
    }

    /** The site's members, coordinators first, then by username. */
    public List<SiteMember> members(StaffMember coordinator, String siteId) {
        coordinator.requireCoordinator(siteId);
        return directory.members(siteId).stream()
                .sorted(Comparator.comparing(SiteMember::role).reversed().thenComparing(SiteMember::username))
                .toList();
    }

    /**
     * Gives the username the role at the site. A username no account has yet needs an email: the account is made
     * and its initial password either returned here once (locally) or sent to that address (Cognito).
     */
    public Changed put(StaffMember coordinator, String siteId, String username, String role, String email) {
        coordinator.requireCoordinator(siteId);
        String name = username(username);
        SiteRole newRole = SiteRole.fromApiName(role == null ? "" : role.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> invalid("role", "staff or coordinator"));
        String address = email(email);
        if (isSelf(coordinator, name) && newRole != SiteRole.COORDINATOR) {
            throw invalid("role", "you cannot make yourself staff of a site you coordinate; another coordinator of "
                    + "the site can");
        }
        Optional<SiteRole> previous = roleOf(siteId, name);
        StaffDirectory.Grant grant = directory.grant(siteId, name, newRole, address);
        if (!grant.granted()) {
            throw invalid("email", "required to create the account " + name + ", which does not exist yet");
        }
        tell(new AccountChange(siteId, coordinator.username(), name, previous.orElse(null), newRole,
                grant.accountCreated()));
        return new Changed(new SiteMember(name, newRole), previous.isEmpty(), grant.accountCreated(),
                grant.initialPassword());
    }

    /** Takes the member's role at the site away; their account stays, with whatever other sites it has. */
    public void remove(StaffMember coordinator, String siteId, String username) {
        coordinator.requireCoordinator(siteId);
        String name = username(username);
        if (isSelf(coordinator, name)) {
            throw invalid("username", "you cannot remove yourself from a site you coordinate; another coordinator "
                    + "of the site can");
        }
        SiteRole previous = roleOf(siteId, name).orElseThrow(() -> StaffRequestException.notFound(
                "username: " + name + " is not a member of site " + siteId));
        directory.revoke(siteId, name);
        tell(new AccountChange(siteId, coordinator.username(), name, previous, null, false));
    }

    private Optional<SiteRole> roleOf(String siteId, String username) {
        return directory.members(siteId).stream().filter(member -> member.username().equals(username))
                .map(SiteMember::role).findFirst();
    }

    private void tell(AccountChange change) {
        for (AccountChangeListener listener : listeners) {
            listener.accountChanged(change);
        }
    }

    private static boolean isSelf(StaffMember coordinator, String username) {
        return coordinator.username().toLowerCase(Locale.ROOT).equals(username);
    }

    /** Usernames are not case-sensitive (nor is the Cognito user pool): kept in lower case. */
    private static String username(String username) {
        String clean = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(clean).matches()) {
            throw invalid("username", "2-40 characters: letters a-z, digits, dots, dashes and underscores, starting "
                    + "with a letter or digit, e.g. aino.k");
        }
        return clean;
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String clean = email.strip();
        if (clean.length() > MAX_EMAIL || !EMAIL.matcher(clean).matches()) {
            throw invalid("email", "an address like aino.k@example.org");
        }
        return clean;
    }

    private static StaffRequestException invalid(String field, String message) {
        return StaffRequestException.invalid(field + ": " + message);
    }
}
