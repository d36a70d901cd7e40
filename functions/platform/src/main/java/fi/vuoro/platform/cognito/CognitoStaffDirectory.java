package fi.vuoro.platform.cognito;

import fi.vuoro.domain.account.SiteMember;
import fi.vuoro.domain.account.SiteRole;
import fi.vuoro.domain.account.StaffDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Staff accounts in the Cognito user pool, a site's members in its two groups: {@code site-<siteId>} for staff,
 * {@code coordinator-<siteId>} for coordinators (who are its staff too), which the access tokens carry in
 * {@code cognito:groups}. A new account is made with the member's email, to which Cognito sends a temporary
 * password; a site's groups are made the first time someone is given the site, since sites are made at run time.
 */
public final class CognitoStaffDirectory implements StaffDirectory, AutoCloseable {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoStaffDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        if (userPoolId == null || userPoolId.isBlank()) {
            throw new IllegalArgumentException("The staff user pool id is required (VUORO_STAFF_USER_POOL_ID)");
        }
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    /** The group that gives the role at the site. */
    public static String group(String siteId, SiteRole role) {
        return (role == SiteRole.COORDINATOR ? "coordinator-" : "site-") + siteId;
    }

    @Override
    public List<SiteMember> members(String siteId) {
        Map<String, SiteRole> roles = new LinkedHashMap<>();
        for (SiteRole role : List.of(SiteRole.COORDINATOR, SiteRole.STAFF)) {
            // A coordinator who is in the staff group too is listed once, as coordinator.
            for (UserType user : usersIn(group(siteId, role))) {
                roles.putIfAbsent(user.username().toLowerCase(Locale.ROOT), role);
            }
        }
        List<SiteMember> members = new ArrayList<>();
        roles.forEach((username, role) -> members.add(new SiteMember(username, role)));
        return members;
    }

    @Override
    public Grant grant(String siteId, String username, SiteRole role, String emailForNewAccount) {
        boolean created = emailForNewAccount != null && create(username, emailForNewAccount);
        try {
            addToGroup(username, siteId, role);
        } catch (UserNotFoundException e) {
            return Grant.noAccount();
        }
        removeFromGroup(username, group(siteId, role == SiteRole.COORDINATOR ? SiteRole.STAFF : SiteRole.COORDINATOR));
        return created ? Grant.toNewAccount(null) : Grant.toExistingAccount();
    }

    @Override
    public void revoke(String siteId, String username) {
        for (SiteRole role : SiteRole.values()) {
            removeFromGroup(username, group(siteId, role));
        }
    }

    /** Makes the account, unless one has the username (false): that one keeps its own address. */
    private boolean create(String username, String email) {
        try {
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(username)
                    .userAttributes(AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder().name("email_verified").value("true").build())
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
            return true;
        } catch (UsernameExistsException e) {
            return false;
        }
    }

    private List<UserType> usersIn(String group) {
        try {
            List<UserType> users = new ArrayList<>();
            cognito.listUsersInGroupPaginator(b -> b.userPoolId(userPoolId).groupName(group)).users()
                    .forEach(users::add);
            return users;
        } catch (ResourceNotFoundException noGroupYet) {
            return List.of();
        }
    }

    private void addToGroup(String username, String siteId, SiteRole role) {
        String group = group(siteId, role);
        try {
            cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).groupName(group).username(username));
        } catch (ResourceNotFoundException noGroupYet) {
            try {
                cognito.createGroup(b -> b.userPoolId(userPoolId).groupName(group)
                        .description((role == SiteRole.COORDINATOR ? "Coordinators of " : "Staff of ") + siteId));
            } catch (GroupExistsException madeMeanwhile) {
                // Another coordinator's change made it first: it is the same group.
            }
            cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).groupName(group).username(username));
        }
    }

    /** Nothing to do when the group does not exist yet or the account is not in it. */
    private void removeFromGroup(String username, String group) {
        try {
            cognito.adminRemoveUserFromGroup(b -> b.userPoolId(userPoolId).groupName(group).username(username));
        } catch (ResourceNotFoundException | UserNotFoundException nothingToRemove) {
            // The group or the account is not there: the account is not in the group.
        }
    }

    @Override
    public void close() {
        cognito.close();
    }
}
