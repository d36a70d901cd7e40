package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coordinator manages who works at their sites through the staff API, and the local sign-in follows at once: a
 * new account signs in with the password the PUT returned, a changed role or a removal reaches the token at the next
 * sign-in. Staff, and coordinators of other sites, are refused; bad input is refused naming the field.
 */
class StaffAccountsIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_STAFF = "/staff/api/sites/demo/staff";

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Signs in with the given password, as the staff page does; null when refused. */
    private static String signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/local/login", null,
                JSON.createObjectNode().put("username", username).put("password", password).toString());
        return response.statusCode() == 200 ? json(response).get("accessToken").asText() : null;
    }

    private static String roleOf(String username) throws IOException, InterruptedException {
        HttpResponse<String> list = get(DEMO_STAFF, token("coordinator"));
        assertEquals(200, list.statusCode(), list.body());
        for (JsonNode member : json(list)) {
            if (member.get("username").asText().equals(username)) {
                return member.get("role").asText();
            }
        }
        return null;
    }

    @Test
    void aNewMember_signsInWithTheReturnedPassword_andTheirRoleFollowsEachChangeAtTheNextSignIn() throws Exception {
        HttpResponse<String> added = put(DEMO_STAFF + "/mikko", token("coordinator"),
                "{\"role\":\"staff\",\"email\":\"mikko@example.org\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("no-store", added.headers().firstValue("Cache-Control").orElse(null));
        JsonNode created = json(added);
        assertEquals("mikko", created.get("username").asText());
        assertEquals("staff", created.get("role").asText());
        assertTrue(created.get("accountCreated").asBoolean());
        String password = created.get("initialPassword").asText();
        personalData.add(password);
        assertEquals("staff", roleOf("mikko"));

        String staffToken = signIn("mikko", password);
        assertNotNull(staffToken, "the new account signs in at once");
        assertEquals(200, get("/staff/api/sites/demo/queue", staffToken).statusCode());
        assertEquals(403, get("/staff/api/sites/demo/settings", staffToken).statusCode());
        assertEquals(403, get("/staff/api/sites/hervanta/queue", staffToken).statusCode());

        HttpResponse<String> promoted = put(DEMO_STAFF + "/mikko", token("coordinator"), "{\"role\":\"coordinator\"}");
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertFalse(json(promoted).get("accountCreated").asBoolean());
        assertTrue(json(promoted).get("initialPassword").isNull());
        assertEquals("coordinator", roleOf("mikko"));
        assertEquals(403, get("/staff/api/sites/demo/settings", staffToken).statusCode(),
                "a token keeps the role it was issued with");
        String coordinatorToken = signIn("mikko", password);
        assertEquals(200, get("/staff/api/sites/demo/settings", coordinatorToken).statusCode());

        assertEquals(204, delete(DEMO_STAFF + "/mikko", token("coordinator")).statusCode());
        assertEquals(null, roleOf("mikko"));
        String removedToken = signIn("mikko", password);
        assertNotNull(removedToken, "the account stays, with no site");
        assertEquals(403, get("/staff/api/sites/demo/queue", removedToken).statusCode());
        assertEquals(404, delete(DEMO_STAFF + "/mikko", token("coordinator")).statusCode());
        assertEquals(null, signIn("mikko", "vuoro-demo"), "only the account's own password signs in");

        HttpResponse<String> audit = get("/staff/api/sites/demo/audit", token("coordinator"));
        assertEquals(200, audit.statusCode(), audit.body());
        List<String> changes = new ArrayList<>();
        for (JsonNode entry : json(audit).get("entries")) {
            String detail = entry.get("detail").asText();
            if ("account-change".equals(entry.get("action").asText()) && detail.startsWith("mikko:")) {
                assertEquals("coordinator", entry.get("who").asText());
                changes.add(detail);
            }
        }
        assertEquals(List.of("mikko: account created, added as staff", "mikko: now coordinator (was staff)",
                "mikko: removed (was coordinator)"), changes, "every change of who works at the site is audited");
        assertFalse(audit.body().contains(password), "the audit never holds a password");
    }

    @Test
    void anExistingAccount_isAddedToAnotherSite_withoutAnEmail() throws Exception {
        HttpResponse<String> added = put(DEMO_STAFF + "/olli", token("coordinator"), "{\"role\":\"staff\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(json(added).get("initialPassword").isNull());
        String olli = signIn("olli", "vuoro-demo");
        assertEquals(200, get("/staff/api/sites/demo/queue", olli).statusCode());
        assertEquals(List.of("demo", "hervanta"), json(get("/staff/api/me", olli)).get("sites").findValues("id")
                .stream().map(JsonNode::asText).toList(), "their other site stays");
        assertEquals(204, delete(DEMO_STAFF + "/olli", token("coordinator")).statusCode());
    }

    @Test
    void theSitesStaff_cannotListOrAddMembers_norACoordinatorOfOtherSites() throws Exception {
        assertEquals(403, get(DEMO_STAFF, token("anna")).statusCode());
        assertEquals(403, put(DEMO_STAFF + "/pekka", token("anna"),
                "{\"role\":\"staff\",\"email\":\"pekka@example.org\"}").statusCode());
        assertEquals(403, delete(DEMO_STAFF + "/anna", token("anna")).statusCode());
        assertEquals(403, put("/staff/api/sites/kallio/staff/pekka", token("coordinator"),
                "{\"role\":\"staff\",\"email\":\"pekka@example.org\"}").statusCode());
        assertEquals(null, signIn("pekka", "vuoro-demo"));
        assertEquals(null, roleOf("pekka"), "nothing was written");
    }

    @Test
    void badInput_isRefusedWith400NamingTheField_andNothingIsWritten() throws Exception {
        assertRefused(put(DEMO_STAFF + "/pekka", token("coordinator"), "{\"role\":\"admin\",\"email\":\"p@example.org\"}"),
                "role");
        assertRefused(put(DEMO_STAFF + "/pekka", token("coordinator"), "{\"email\":\"p@example.org\"}"), "role");
        assertRefused(put(DEMO_STAFF + "/Pekka%20K", token("coordinator"), "{\"role\":\"staff\",\"email\":\"p@example.org\"}"),
                "username");
        assertRefused(put(DEMO_STAFF + "/pekka", token("coordinator"), "{\"role\":\"staff\"}"), "email");
        assertRefused(put(DEMO_STAFF + "/pekka", token("coordinator"), "{\"role\":\"staff\",\"email\":\"pekka\"}"), "email");
        assertEquals(null, roleOf("pekka"));
    }

    @Test
    void aCoordinator_cannotDemoteOrRemoveThemselves() throws Exception {
        assertRefused(put(DEMO_STAFF + "/coordinator", token("coordinator"), "{\"role\":\"staff\"}"), "role");
        assertRefused(delete(DEMO_STAFF + "/coordinator", token("coordinator")), "username");
        assertEquals("coordinator", roleOf("coordinator"));
        assertEquals("staff", roleOf("anna"));
    }

    private static void assertRefused(HttpResponse<String> response, String field) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        String message = json(response).get("error").asText();
        assertTrue(message.startsWith(field + ":"), message);
    }
}
