package fi.vuoro.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fi.vuoro.domain.staff.NotSignedInException;
import fi.vuoro.domain.staff.SiteAccessDeniedException;
import fi.vuoro.domain.staff.StaffMember;
import fi.vuoro.local.RunningService;
import fi.vuoro.platform.auth.JwtStaffAuthenticator;
import fi.vuoro.platform.auth.StaffAuthenticator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Local staff sign-in: the demo accounts get access tokens shaped as Cognito's, which the same
 * authenticator the staff endpoints use accepts with the right sites; a wrong password gets 401.
 */
class LocalLoginIT extends RunningService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "vuoro-demo";

    static {
        // No log line of the suite may carry a password or a token (checked after all tests).
        personalData.add(PASSWORD);
        personalData.add("not-the-password");
    }

    private static HttpResponse<String> login(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/local/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode signIn(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = login("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        String token = body.get("accessToken").asText();
        personalData.add(token);
        personalData.add(token.substring(token.lastIndexOf('.') + 1));
        return body;
    }

    private static StaffAuthenticator authenticator() {
        return runtime.context().getBean(StaffAuthenticator.class);
    }

    private static List<String> sites(JsonNode body) {
        return JSON.convertValue(body.get("sites"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void anna_signsIn_withATokenTheStaffAuthenticatorAccepts_forTheDemoSiteOnly() throws Exception {
        JsonNode body = signIn("anna");
        assertEquals("anna", body.get("username").asText());
        assertEquals(900, body.get("expiresIn").asInt());
        assertEquals(List.of("demo"), sites(body));

        StaffMember staff = authenticator().authenticate("Bearer " + body.get("accessToken").asText());
        assertEquals("anna", staff.username());
        assertEquals(Set.of("demo"), staff.siteIds());
    }

    @Test
    void olli_isSignedIn_forHervantaOnly_soTheDemoSiteIsNotHis() throws Exception {
        JsonNode body = signIn("olli");
        assertEquals(List.of("hervanta"), sites(body));
        StaffMember staff = authenticator().authenticate("Bearer " + body.get("accessToken").asText());
        assertEquals(Set.of("hervanta"), staff.siteIds());
        assertThrows(SiteAccessDeniedException.class, () -> staff.requireSite("demo"));
    }

    @Test
    void coordinator_isSignedIn_forBothSites() throws Exception {
        JsonNode body = signIn("coordinator");
        assertEquals(List.of("demo", "hervanta"), sites(body));
        StaffMember staff = authenticator().authenticate("Bearer " + body.get("accessToken").asText());
        assertEquals(Set.of("demo", "hervanta"), staff.siteIds());
    }

    @Test
    void staffEndpoints_checkTokensWithTheJwtAuthenticator_againstTheLocalKeySet() {
        assertInstanceOf(JwtStaffAuthenticator.class, authenticator());
        Map<String, Object> staffSettings = Map.of(
                "vuoro.staff-jwks-url", runtime.baseUrl() + "/local/jwks.json",
                "vuoro.staff-token-issuer", runtime.baseUrl() + "/local",
                "vuoro.staff-client-id", "vuoro-local-staff",
                "vuoro.staff-login-url", "/local/login");
        staffSettings.forEach((name, value) ->
                assertEquals(value, runtime.context().getProperty(name, String.class).orElse(null), name));
    }

    @Test
    void token_hasTheShapeOfACognitoAccessToken_signedByThePublishedKey() throws Exception {
        SignedJWT token = SignedJWT.parse(signIn("anna").get("accessToken").asText());
        assertEquals(JWSAlgorithm.RS256, token.getHeader().getAlgorithm());
        JWKSet published = JWKSet.parse(get("/local/jwks.json").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
        assertNotNull(key, "the token's kid names a published key");
        assertTrue(token.verify(new RSASSAVerifier(key)));

        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals(runtime.baseUrl() + "/local", claims.getIssuer());
        assertEquals("vuoro-local-staff", claims.getStringClaim("client_id"));
        assertEquals("access", claims.getStringClaim("token_use"));
        assertEquals("anna", claims.getStringClaim("username"));
        assertEquals(List.of("site-demo"), claims.getStringListClaim("cognito:groups"));
        assertEquals(Duration.ofMinutes(15),
                Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        assertNotNull(claims.getJWTID());
        assertNotNull(claims.getSubject());
        assertTrue(claims.getAudience().isEmpty(), "an access token names its client in client_id, not aud");
    }

    @Test
    void keySet_publishesThePublicKeyOnly() throws Exception {
        HttpResponse<String> response = get("/local/jwks.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JWKSet keys = JWKSet.parse(response.body());
        assertEquals(1, keys.getKeys().size());
        RSAKey key = (RSAKey) keys.getKeys().get(0);
        assertFalse(key.isPrivate());
        JsonNode raw = JSON.readTree(response.body()).get("keys").get(0);
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(raw.has(privatePart), "the key set carries the private part " + privatePart);
        }
        assertEquals(2048, key.size());
    }

    @Test
    void wrongPassword_gets401_withTheErrorShape_andNoToken() throws Exception {
        HttpResponse<String> response = login("{\"username\":\"anna\",\"password\":\"not-the-password\"}");
        assertEquals(401, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(401, body.get("status").asInt());
        assertEquals("Wrong username or password", body.get("error").asText());
        assertFalse(body.has("accessToken"));
    }

    @Test
    void unknownUser_orMissingFields_get401_withTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = login("{\"username\":\"anna\",\"password\":\"not-the-password\"}");
        for (String json : List.of("{\"username\":\"nobody\",\"password\":\"" + PASSWORD + "\"}",
                "{\"username\":\"anna\"}", "{\"password\":\"" + PASSWORD + "\"}", "{}",
                "{\"username\":\"Anna\",\"password\":\"" + PASSWORD + "\"}",
                "{\"username\":\"anna\",\"password\":\"VUORO-DEMO\"}")) {
            HttpResponse<String> response = login(json);
            assertEquals(401, response.statusCode(), json);
            assertEquals(wrongPassword.body(), response.body(), json);
        }
    }

    @Test
    void tokenOfTheLocalSignIn_isRefused_onceExpired() throws Exception {
        String token = signIn("anna").get("accessToken").asText();
        Instant before = clock.instant();
        clock.set(before.plus(Duration.ofMinutes(15)).plus(Duration.ofMinutes(5)));
        try {
            NotSignedInException refused = assertThrows(NotSignedInException.class,
                    () -> authenticator().authenticate("Bearer " + token));
            assertEquals("Your sign-in has expired", refused.getMessage());
        } finally {
            clock.set(before);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
