package fi.vuoro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire format, checked without the SDK, for clients that do not use it. */
class FakeTwilioApiHttpTest {

    private static final String ACCOUNT_SID = "AC" + "11112222333344445555666677778888";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeTwilioApi twilio = FakeTwilioApi.start(0);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void post_shouldRequireToNumber() throws Exception {
        HttpResponse<String> response = post(ACCOUNT_SID, "From=%2B358451112222&Body=Hei");

        JsonNode error = JSON.readTree(response.body());
        assertEquals(400, response.statusCode());
        assertEquals(21604, error.get("code").asInt());
        assertEquals("A 'To' phone number is required.", error.get("message").asText());
        assertEquals(400, error.get("status").asInt());
        assertEquals("https://www.twilio.com/docs/errors/21604", error.get("more_info").asText());
    }

    @Test
    void post_shouldRequireBody() throws Exception {
        HttpResponse<String> response = post(ACCOUNT_SID, "To=%2B358401234567&From=%2B358451112222");

        assertEquals(400, response.statusCode());
        assertEquals(21602, JSON.readTree(response.body()).get("code").asInt());
    }

    @Test
    void post_shouldRejectCredentialsOfAnotherAccount() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(messagesUri(ACCOUNT_SID))
                .header("Authorization", basic("AC" + "99999999999999999999999999999999", "token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B358401234567&From=%2B358451112222&Body=Hei")));

        assertEquals(401, response.statusCode());
        assertEquals(20003, JSON.readTree(response.body()).get("code").asInt());
        assertTrue(twilio.messages().isEmpty());
    }

    @Test
    void post_shouldAnswerInjectedRateLimitWithRetryAfter() throws Exception {
        twilio.failNext(1, 429);

        HttpResponse<String> response = post(ACCOUNT_SID, "To=%2B358401234567&From=%2B358451112222&Body=Hei");

        assertEquals(429, response.statusCode());
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(20429, JSON.readTree(response.body()).get("code").asInt());
        assertTrue(twilio.messages().isEmpty());
    }

    @Test
    void post_shouldAnswerMessageResourceInTwilioShape() throws Exception {
        HttpResponse<String> response = post(ACCOUNT_SID, "To=%2B358401234567&From=%2B358451112222&Body=Hei");

        JsonNode message = JSON.readTree(response.body());
        String sid = message.get("sid").asText();
        assertEquals(201, response.statusCode());
        assertEquals("queued", message.get("status").asText());
        assertEquals("outbound-api", message.get("direction").asText());
        assertEquals("2010-04-01", message.get("api_version").asText());
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json", message.get("uri").asText());
        assertTrue(message.get("date_created").asText().matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"),
                message.get("date_created").asText());
        assertTrue(message.get("price").isNull());
        assertTrue(message.get("error_code").isNull());
    }

    @Test
    void get_shouldAnswerListPage() throws Exception {
        post(ACCOUNT_SID, "To=%2B358401234567&From=%2B358451112222&Body=Hei");

        HttpResponse<String> response = send(HttpRequest.newBuilder(messagesUri(ACCOUNT_SID))
                .header("Authorization", basic(ACCOUNT_SID, "token"))
                .GET());

        JsonNode page = JSON.readTree(response.body());
        assertEquals(200, response.statusCode());
        assertEquals(1, page.get("messages").size());
        assertEquals(0, page.get("page").asInt());
        assertTrue(page.get("next_page_uri").isNull());
    }

    @Test
    void unknownPath_shouldAnswerNotFound() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(twilio.baseUrl().resolve("/2010-04-01/Accounts.json"))
                .header("Authorization", basic(ACCOUNT_SID, "token"))
                .GET());

        assertEquals(404, response.statusCode());
        assertEquals(20404, JSON.readTree(response.body()).get("code").asInt());
    }

    private HttpResponse<String> post(String accountSid, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(messagesUri(accountSid))
                .header("Authorization", basic(accountSid, "token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI messagesUri(String accountSid) {
        return twilio.baseUrl().resolve("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
