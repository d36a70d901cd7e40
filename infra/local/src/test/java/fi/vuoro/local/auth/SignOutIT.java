package fi.vuoro.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.local.RunningService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, renewal and sign-out as the template's app client has them, on the local sign-in: an access token lasts
 * 15 minutes, the refresh token renews it for 12 hours, and sign-out revokes the refresh token, which is refused
 * afterwards (401). As with Cognito, the access tokens it bought are not recalled: they are checked against the
 * published key alone and stay valid until they expire, at most 15 minutes later.
 */
class SignOutIT extends RunningService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        personalData.add("vuoro-demo");
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int me(String accessToken) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/staff/api/me"))
                .header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode signIn() throws IOException, InterruptedException {
        HttpResponse<String> response = post("/local/login", "{\"username\":\"anna\",\"password\":\"vuoro-demo\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        personalData.add(body.get("accessToken").asText());
        personalData.add(body.get("refreshToken").asText());
        return body;
    }

    private static HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return post("/local/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    @Test
    void signOut_shouldRevokeTheRefreshToken_whileTheAccessTokenLastsOnlyItsShortLife() throws Exception {
        JsonNode signedIn = signIn();
        String access = signedIn.get("accessToken").asText();
        String refreshToken = signedIn.get("refreshToken").asText();
        assertEquals(900, signedIn.get("expiresIn").asInt());

        HttpResponse<String> renewed = refresh(refreshToken);
        assertEquals(200, renewed.statusCode(), renewed.body());
        String renewedAccess = JSON.readTree(renewed.body()).get("accessToken").asText();
        personalData.add(renewedAccess);
        assertEquals(200, me(renewedAccess));

        assertEquals(200, post("/local/sign-out", "{\"refreshToken\":\"" + refreshToken + "\"}").statusCode());
        HttpResponse<String> refused = refresh(refreshToken);
        assertEquals(401, refused.statusCode(), "a revoked refresh token renews nothing");
        assertEquals("The sign-in has ended: please sign in again", JSON.readTree(refused.body()).get("error").asText());
        assertEquals(200, post("/local/sign-out", "{\"refreshToken\":\"" + refreshToken + "\"}").statusCode(),
                "signing out twice is answered as the first time");

        // As Cognito's: the access token is checked offline, so it lasts until it expires, and no longer.
        assertEquals(200, me(access));
        Instant before = clock.instant();
        clock.set(before.plus(Duration.ofMinutes(15)).plus(Duration.ofSeconds(61)));
        try {
            assertEquals(401, me(access));
            assertEquals(401, me(renewedAccess));
        } finally {
            clock.set(before);
        }
    }

    @Test
    void signOut_shouldEndOnlyThatSignIn_andARefreshTokenShouldExpireAfterTwelveHours() throws Exception {
        String first = signIn().get("refreshToken").asText();
        String second = signIn().get("refreshToken").asText();
        assertNotEquals(first, second);
        assertEquals(200, post("/local/sign-out", "{\"refreshToken\":\"" + first + "\"}").statusCode());
        assertEquals(401, refresh(first).statusCode());
        assertEquals(200, refresh(second).statusCode(), "another device's sign-in goes on");
        assertEquals(401, refresh("not-a-refresh-token").statusCode());
        assertEquals(401, post("/local/refresh", "{}").statusCode());

        Instant before = clock.instant();
        clock.set(before.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(1)));
        try {
            assertEquals(401, refresh(second).statusCode(), "a working day later the refresh token has expired");
        } finally {
            clock.set(before);
        }
        assertNotNull(signIn().get("refreshToken").asText(), "a new sign-in works again");
    }
}
