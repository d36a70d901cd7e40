package fi.vuoro.platform.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.domain.account.SiteMember;
import fi.vuoro.domain.account.SiteRole;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.domain.account.StaffDirectoryContract;
import fi.vuoro.platform.aws.AwsJsonApi;
import fi.vuoro.testkit.lambda.ContainerCredentials;
import fi.vuoro.testkit.lambda.FakeCognito;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The directory against a loopback stand-in of the user pool's API that checks every request's SigV4 signature: its
 * promises hold, and the requests are the ones the staff API function's role allows, in the order that makes a new
 * account and a new site's group.
 */
class CognitoStaffDirectoryIT extends StaffDirectoryContract {

    private static final String POOL = "eu-north-1_TestPool1";
    private static FakeCognito fake;
    private static ContainerCredentials credentials;
    private static CognitoStaffDirectory directory;

    @BeforeAll
    static void start() {
        credentials = ContainerCredentials.start();
        fake = FakeCognito.start(POOL, 2).requireSignaturesBy(credentials);
        directory = new CognitoStaffDirectory(userPool(), POOL);
    }

    @AfterAll
    static void stop() {
        fake.close();
        credentials.close();
    }

    /** The user pool's API as the staff API function calls it, signed with a role's credentials. */
    private static AwsJsonApi userPool() {
        ContainerCredentials.Grant role = credentials.issue("StaffApiFunction");
        return new AwsJsonApi("cognito-idp", "AWSCognitoIdentityProviderService",
                () -> new AwsJsonApi.Endpoint(fake.endpoint(), "eu-north-1"),
                StaticCredentialsProvider.create(AwsSessionCredentials.create(role.accessKeyId(),
                        role.secretAccessKey(), role.sessionToken())),
                UrlConnectionHttpClient.create());
    }

    @Override
    protected StaffDirectory directory() {
        return directory;
    }

    @Test
    void grant_shouldCreateTheUserWithAnEmailedInvitation_thenTheSitesGroup_thenAddThem_whenBothAreNew() {
        fake.forgetCalls();
        StaffDirectory.Grant grant = directory.grant("tesoma", "kaisa", SiteRole.STAFF, "kaisa@example.org");

        assertTrue(grant.accountCreated());
        assertNull(grant.initialPassword(), "Cognito sends the temporary password itself");
        assertEquals(List.of("AdminCreateUser", "AdminAddUserToGroup", "CreateGroup", "AdminAddUserToGroup",
                "AdminRemoveUserFromGroup"), fake.operations());
        JsonNode create = fake.calls().get(0).body();
        assertEquals("kaisa", create.path("Username").asText());
        assertEquals("[\"EMAIL\"]", create.path("DesiredDeliveryMediums").toString());
        assertFalse(create.has("MessageAction"), "the invitation is sent");
        assertFalse(create.has("TemporaryPassword"), "Cognito makes the temporary password");
        assertEquals(Set.of("email=kaisa@example.org", "email_verified=true"), attributes(create));
        assertEquals("site-tesoma", fake.calls().get(2).body().path("GroupName").asText());
        assertEquals("coordinator-tesoma", fake.calls().get(4).body().path("GroupName").asText(),
                "a staff member is taken out of the coordinators' group");
    }

    @Test
    void grant_shouldGiveTheSiteToTheExistingAccount_whenTheUsernameIsTaken() {
        fake.withUser("leena", "site-pispala");
        fake.forgetCalls();
        StaffDirectory.Grant grant = directory.grant("pispala", "leena", SiteRole.COORDINATOR, "x@example.org");

        assertTrue(grant.granted());
        assertFalse(grant.accountCreated());
        assertEquals(List.of("AdminCreateUser", "AdminAddUserToGroup", "CreateGroup", "AdminAddUserToGroup",
                "AdminRemoveUserFromGroup"), fake.operations());
        assertEquals(List.of(new SiteMember("leena", SiteRole.COORDINATOR)), directory.members("pispala"));
    }

    @Test
    void grant_shouldCreateNoAccount_whenTheUsernameIsUnknownAndNoEmailIsGiven() {
        fake.forgetCalls();
        assertFalse(directory.grant("lielahti", "nobody", SiteRole.STAFF, null).granted());
        assertFalse(fake.operations().contains("AdminCreateUser"));
    }

    @Test
    void members_shouldReadEveryPage_ofBothGroups_listingACoordinatorOnce() {
        fake.withUser("a1", "site-amuri").withUser("a2", "site-amuri").withUser("a3", "site-amuri")
                .withUser("a4", "site-amuri", "coordinator-amuri").withUser("a5", "coordinator-amuri");
        fake.forgetCalls();
        Set<SiteMember> members = Set.copyOf(directory.members("amuri"));

        assertEquals(Set.of(new SiteMember("a1", SiteRole.STAFF), new SiteMember("a2", SiteRole.STAFF),
                new SiteMember("a3", SiteRole.STAFF), new SiteMember("a4", SiteRole.COORDINATOR),
                new SiteMember("a5", SiteRole.COORDINATOR)), members);
        assertEquals(List.of("coordinator-amuri", "site-amuri", "site-amuri"), fake.calls().stream()
                .map(call -> call.body().path("GroupName").asText()).toList(),
                "one page of coordinators, two of staff (4 of them, 2 a page)");
        assertEquals("2", fake.calls().get(2).body().path("NextToken").asText(), "the second page is asked for");
    }

    @Test
    void revoke_shouldTakeTheAccountOutOfBothGroups_andNotFail_whenTheSiteHasNoGroupsYet() {
        fake.withUser("maria", "site-hervanta", "coordinator-hervanta");
        fake.forgetCalls();
        directory.revoke("hervanta", "maria");
        directory.revoke("nokia", "maria");

        assertEquals(List.of(), directory.members("hervanta"));
        assertEquals(List.of("AdminRemoveUserFromGroup", "AdminRemoveUserFromGroup", "AdminRemoveUserFromGroup",
                "AdminRemoveUserFromGroup", "ListUsersInGroup", "ListUsersInGroup"), fake.operations());
        assertFalse(fake.groupNames().contains("site-nokia"), "removing makes no group");
    }

    @Test
    void anotherPoolsError_shouldReachTheCaller_ratherThanPassAsNoAccount() {
        CognitoStaffDirectory wrongPool = new CognitoStaffDirectory(userPool(), "eu-north-1_NotThePool");
        AwsJsonApi.Failure failure = assertThrows(AwsJsonApi.Failure.class,
                () -> wrongPool.grant("tesoma", "kaisa", SiteRole.STAFF, "kaisa@example.org"));
        assertEquals("ResourceNotFoundException", failure.type());
    }

    @Test
    void everyRequest_shouldBeSignedForTheUserPoolsApi_withTheRolesCredentials() {
        fake.forgetCalls();
        directory.members("kaleva");

        assertEquals(List.of("ListUsersInGroup", "ListUsersInGroup"), fake.operations());
        ContainerCredentials.Grant other = credentials.issue("NotTheStaffApi");
        assertEquals(List.of(), fake.callsSignedBy(other), "only the signer's calls are its own");
    }

    private static Set<String> attributes(JsonNode create) {
        Set<String> attributes = new java.util.HashSet<>();
        create.path("UserAttributes").forEach(a -> attributes.add(a.path("Name").asText() + "=" + a.path("Value")
                .asText()));
        return attributes.stream().collect(Collectors.toSet());
    }
}
