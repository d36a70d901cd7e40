package fi.vuoro.local.staff;

import fi.vuoro.local.RunningService;
import fi.vuoro.testkit.FakeTwilioApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;

/** Signing in as the demo staff accounts and calling the staff API of the running service. */
public abstract class StaffApiSupport extends RunningService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, SignedIn> TOKENS = new ConcurrentHashMap<>();

    /** An access token and, on the service's clock, when it expires. */
    private record SignedIn(String accessToken, Instant expiresAt) {
    }

    /** Each test class starts its own service, which signs with its own key: earlier tokens are not its. */
    @BeforeAll
    static void forgetTheTokensOfEarlierServices() {
        TOKENS.clear();
    }

    /**
     * The account's access token, signed in again once the service's clock (which tests move on) has passed the
     * token's expiry, as the staff pages renew theirs.
     */
    protected static String token(String username) {
        return TOKENS.compute(username, (name, held) -> held != null && clock.instant().isBefore(held.expiresAt())
                ? held : signIn(name)).accessToken();
    }

    private static SignedIn signIn(String username) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/local/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"vuoro-demo\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("sign-in of " + username + " failed: " + response.body());
            }
            com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(response.body());
            // Renewed a little before it runs out, so a request made just before the expiry is not refused.
            return new SignedIn(body.get("accessToken").asText(),
                    clock.instant().plusSeconds(body.get("expiresIn").asLong() - 30));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    protected static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(authorized(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return HTTP.send(authorized(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static HttpResponse<String> put(String path, String token, String json) throws IOException, InterruptedException {
        return HTTP.send(authorized(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(authorized(path, token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    protected static List<FakeTwilioApi.RecordedMessage> sentTo(String phone) {
        return runtime.sentMessages().stream().filter(m -> phone.equals(m.to())).toList();
    }

    /** Waits for the outbox dispatcher to deliver a matching SMS to the fake Twilio. */
    protected static FakeTwilioApi.RecordedMessage awaitSms(String phone, Predicate<FakeTwilioApi.RecordedMessage> matching)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (FakeTwilioApi.RecordedMessage message : sentTo(phone)) {
                if (matching.test(message)) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching SMS reached the visitor; sent to them: " + sentTo(phone));
    }
}
