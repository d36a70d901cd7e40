package fi.vuoro.platform.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.vuoro.domain.account.SiteMember;
import fi.vuoro.domain.account.SiteRole;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.platform.aws.AwsJsonApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Staff accounts in the Cognito user pool, a site's members in its two groups: {@code site-<siteId>} for staff,
 * {@code coordinator-<siteId>} for coordinators (who are its staff too), which the access tokens carry in
 * {@code cognito:groups}. A new account is made with the member's email, to which Cognito sends a temporary
 * password; a site's groups are made the first time someone is given the site, since sites are made at run time.
 *
 * <p>Five admin operations of the user pool's API, through {@link AwsJsonApi} rather than the SDK's Cognito client
 * (3 MB of the staff API's jar).
 */
public final class CognitoStaffDirectory implements StaffDirectory {

    /** The user pool's API: its signing name, target prefix and endpoint variable. */
    public static AwsJsonApi userPoolApi() {
        return AwsJsonApi.of("cognito-idp", "AWSCognitoIdentityProviderService", "COGNITO_IDENTITY_PROVIDER");
    }

    private final AwsJsonApi cognito;
    private final String userPoolId;

    public CognitoStaffDirectory(AwsJsonApi cognito, String userPoolId) {
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
            for (String username : usersIn(group(siteId, role))) {
                roles.putIfAbsent(username.toLowerCase(Locale.ROOT), role);
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
        } catch (AwsJsonApi.Failure e) {
            if (!e.type().equals("UserNotFoundException")) {
                throw e;
            }
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
        ObjectNode request = pool().put("Username", username);
        request.putArray("UserAttributes")
                .add(AwsJsonApi.request().put("Name", "email").put("Value", email))
                .add(AwsJsonApi.request().put("Name", "email_verified").put("Value", "true"));
        request.putArray("DesiredDeliveryMediums").add("EMAIL");
        try {
            cognito.call("AdminCreateUser", request);
            return true;
        } catch (AwsJsonApi.Failure e) {
            if (e.type().equals("UsernameExistsException")) {
                return false;
            }
            throw e;
        }
    }

    /** Every member's username, page by page. */
    private List<String> usersIn(String group) {
        List<String> users = new ArrayList<>();
        String nextToken = null;
        do {
            ObjectNode request = pool().put("GroupName", group);
            if (nextToken != null) {
                request.put("NextToken", nextToken);
            }
            JsonNode page;
            try {
                page = cognito.call("ListUsersInGroup", request);
            } catch (AwsJsonApi.Failure e) {
                if (e.type().equals("ResourceNotFoundException")) {
                    return List.of(); // no group yet
                }
                throw e;
            }
            page.path("Users").forEach(user -> users.add(user.path("Username").asText()));
            nextToken = page.path("NextToken").asText(null);
        } while (nextToken != null && !nextToken.isEmpty());
        return users;
    }

    private void addToGroup(String username, String siteId, SiteRole role) {
        String group = group(siteId, role);
        try {
            cognito.call("AdminAddUserToGroup", pool().put("GroupName", group).put("Username", username));
        } catch (AwsJsonApi.Failure noGroupYet) {
            if (!noGroupYet.type().equals("ResourceNotFoundException")) {
                throw noGroupYet;
            }
            try {
                cognito.call("CreateGroup", pool().put("GroupName", group)
                        .put("Description", (role == SiteRole.COORDINATOR ? "Coordinators of " : "Staff of ") + siteId));
            } catch (AwsJsonApi.Failure e) {
                // GroupExistsException: another coordinator's change made it first, it is the same group.
                if (!e.type().equals("GroupExistsException")) {
                    throw e;
                }
            }
            cognito.call("AdminAddUserToGroup", pool().put("GroupName", group).put("Username", username));
        }
    }

    /** Nothing to do when the group does not exist yet or the account is not in it. */
    private void removeFromGroup(String username, String group) {
        try {
            cognito.call("AdminRemoveUserFromGroup", pool().put("GroupName", group).put("Username", username));
        } catch (AwsJsonApi.Failure e) {
            // The group or the account is not there: the account is not in the group.
            if (!e.type().equals("ResourceNotFoundException") && !e.type().equals("UserNotFoundException")) {
                throw e;
            }
        }
    }

    private ObjectNode pool() {
        return AwsJsonApi.request().put("UserPoolId", userPoolId);
    }
}
